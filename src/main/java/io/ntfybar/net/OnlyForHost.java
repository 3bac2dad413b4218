package io.ntfybar.net;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * Offers a server's client certificate only in a handshake with that server (host and port): a redirect, an
 * attachment or an http action elsewhere never learns who the user is. Acts only as a client. Thread-safe.
 */
final class OnlyForHost extends X509ExtendedKeyManager {
    private final X509KeyManager keys;
    private final String host;
    private final int port;

    OnlyForHost(X509KeyManager keys, String host, int port) {
        this.keys = keys;
        this.host = host;
        this.port = port;
    }

    private boolean isServer(String peerHost, int peerPort) {
        return host.equalsIgnoreCase(peerHost) && port == peerPort;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        SSLSession s = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
        return s != null && isServer(s.getPeerHost(), s.getPeerPort())
                ? keys.chooseClientAlias(keyType, issuers, socket)
                : null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        if (!isServer(engine.getPeerHost(), engine.getPeerPort())) {
            return null;
        }
        return keys instanceof X509ExtendedKeyManager x
                ? x.chooseEngineClientAlias(keyType, issuers, engine)
                : keys.chooseClientAlias(keyType, issuers, null);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return keys.getClientAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return keys.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return keys.getPrivateKey(alias);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
