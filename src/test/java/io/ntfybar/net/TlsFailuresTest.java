package io.ntfybar.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/** The sentence for each way a handshake fails, as the JDK and OkHttp report them. */
class TlsFailuresTest {
    static final String HOST = "ntfy.example.com";

    @Test
    void alertsAboutTheClientCertificateSayWhetherOneIsSet() {
        SSLHandshakeException e = new SSLHandshakeException("Received fatal alert: bad_certificate");
        assertEquals(
                HOST + " requires a client certificate (mutual TLS) and none is set for it (bad_certificate); add"
                        + " your .p12 file to the server's trust settings",
                TlsFailures.explain(HOST, e, null));
        String set = TlsFailures.explain(HOST, new IOException("x", e), "/certs/me.p12");
        assertTrue(set.startsWith(HOST + " refused the client certificate /certs/me.p12 (bad_certificate)"), set);
        String expired = TlsFailures.explain(
                HOST, new SSLHandshakeException("Received fatal alert: certificate_expired"), "/certs/me.p12");
        assertTrue(expired.contains("it has expired"), expired);
    }

    @Test
    void otherAlertsNameTheAlert() {
        String s =
                TlsFailures.explain(HOST, new SSLHandshakeException("Received fatal alert: handshake_failure"), null);
        assertEquals(
                "the secure connection to " + HOST + " failed (handshake_failure); the server may require a client"
                        + " certificate",
                s);
    }

    @Test
    void theServersCertificateUntrustedForAnotherNameOrExpired() {
        SSLHandshakeException pkix = new SSLHandshakeException("PKIX path building failed: "
                + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path"
                + " to requested target");
        assertTrue(TlsFailures.explain(HOST, pkix, null).contains("is not trusted (self-signed or from a private CA)"));
        SSLPeerUnverifiedException name = new SSLPeerUnverifiedException("Hostname ntfy.example.com not verified:");
        assertTrue(TlsFailures.explain(HOST, name, null).contains("is for another name"));
        SSLHandshakeException expired = new SSLHandshakeException("validity check failed");
        expired.initCause(new CertificateExpiredException("NotAfter: Mon Jan 01"));
        assertTrue(TlsFailures.explain(HOST, expired, null).contains("has expired"));
    }

    @Test
    void failuresThatAreNotAboutTlsAreLeftAlone() {
        assertNull(TlsFailures.explain(HOST, new ConnectException("Connection refused"), null));
        assertNull(TlsFailures.explain(HOST, new IOException("timeout"), "/certs/me.p12"));
    }
}
