package io.ntfybar.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which proxy each request gets from the environment variables and the system setting. */
class EnvironmentProxiesTest {
    static final Proxy SYSTEM = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("system.proxy", 3128));

    /** Stands for the JDK's selector with the desktop's setting. */
    static final ProxySelector SYSTEM_SETTING = new ProxySelector() {
        @Override
        public List<Proxy> select(URI uri) {
            return List.of(SYSTEM);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
    };

    static String chosen(EnvironmentProxies p, String url) {
        Proxy proxy = p.select(URI.create(url)).get(0);
        if (proxy.type() == Proxy.Type.DIRECT) {
            return "DIRECT";
        }
        InetSocketAddress a = (InetSocketAddress) proxy.address();
        return proxy.type() + " " + a.getHostString() + ":" + a.getPort();
    }

    @Test
    void eachSchemeHasItsVariableAndAllProxyIsTheRest() {
        EnvironmentProxies p = new EnvironmentProxies(
                Map.of("https_proxy", "http://secure:8443", "all_proxy", "socks5h://socks.lan"), SYSTEM_SETTING);
        assertEquals("HTTP secure:8443", chosen(p, "https://ntfy.sh/"));
        assertEquals("SOCKS socks.lan:1080", chosen(p, "http://ntfy.sh/"), "all_proxy when http_proxy is unset");
        assertTrue(p.fromEnvironment());
    }

    @Test
    void lowerCaseWinsOverUpperCaseAndASchemeIsOptional() {
        EnvironmentProxies p = new EnvironmentProxies(
                Map.of("http_proxy", "lower:1", "HTTP_PROXY", "http://upper:2", "HTTPS_PROXY", "http://upper:3"), null);
        assertEquals("HTTP lower:1", chosen(p, "http://ntfy.sh/"));
        assertEquals("HTTP upper:3", chosen(p, "https://ntfy.sh/"), "upper case when lower case is unset");
        assertEquals(
                "HTTP plain:80",
                chosen(new EnvironmentProxies(Map.of("http_proxy", "plain"), null), "http://ntfy.sh/"),
                "an http proxy's default port");
    }

    @Test
    void noProxyAndLoopbackGoDirectlyWhateverTheVariablesSay() {
        EnvironmentProxies p = new EnvironmentProxies(
                Map.of("https_proxy", "http://proxy:3128", "NO_PROXY", ".corp.example,10.0.0.0/8"), SYSTEM_SETTING);
        assertEquals("DIRECT", chosen(p, "https://ntfy.corp.example/"));
        assertEquals("DIRECT", chosen(p, "https://10.1.2.3:8443/"));
        assertEquals("HTTP proxy:3128", chosen(p, "https://ntfy.sh/"));
        for (String loopback :
                new String[] {"https://localhost:8080/", "https://127.0.0.1/", "https://[::1]/", "https://a.localhost/"
                }) {
            assertEquals("DIRECT", chosen(p, loopback), loopback);
        }
    }

    @Test
    void withoutVariablesTheSystemSettingDecides() {
        EnvironmentProxies p = new EnvironmentProxies(Map.of("no_proxy", "example.com"), SYSTEM_SETTING);
        assertFalse(p.fromEnvironment());
        assertEquals("HTTP system.proxy:3128", chosen(p, "https://ntfy.sh/"));
        assertEquals("DIRECT", chosen(new EnvironmentProxies(Map.of(), null), "https://ntfy.sh/"));
    }

    @Test
    void proxiesNtfybarCannotUseAreIgnoredNotGuessed() {
        EnvironmentProxies p = new EnvironmentProxies(
                Map.of("https_proxy", "https://tls-proxy:443", "http_proxy", "http://"), SYSTEM_SETTING);
        assertEquals("HTTP system.proxy:3128", chosen(p, "https://ntfy.sh/"), "an https:// proxy is not supported");
        assertEquals("HTTP system.proxy:3128", chosen(p, "http://ntfy.sh/"));
    }
}
