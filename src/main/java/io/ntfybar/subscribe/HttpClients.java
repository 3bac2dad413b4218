package io.ntfybar.subscribe;

import io.ntfybar.model.AppVersion;
import io.ntfybar.net.EnvironmentProxies;
import io.ntfybar.net.Proxies;
import io.ntfybar.net.ProxyFailures;
import io.ntfybar.net.TlsFailures;
import java.time.Duration;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The base OkHttp clients. TLS is verified by the JDK's trust store (never disabled here); a server's own CA, client
 * certificate and headers are added per server by {@link io.ntfybar.net.ServerClients}. Requests go through the proxy
 * that {@link Proxies#system()} chooses. Streams have no read timeout: a stream is quiet between keepalives, and
 * {@link StreamConnection#checkAlive} judges silence instead.
 */
public final class HttpClients {
    private HttpClients() {}

    /** For streams: no read timeout, and no per-host cap (a server's topics may need several long-lived streams). */
    public static OkHttpClient streaming() {
        return streaming(Proxies.system());
    }

    /** As {@link #streaming()}, with these proxies (tests). */
    public static OkHttpClient streaming(EnvironmentProxies proxies) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(4096);
        dispatcher.setMaxRequestsPerHost(4096);
        String agent = AppVersion.current().userAgent();
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(Duration.ofSeconds(15))
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ofSeconds(15))
                .proxySelector(proxies)
                .proxyAuthenticator(proxies.authenticator())
                .addInterceptor(chain -> chain.proceed(
                        chain.request().newBuilder().header("User-Agent", agent).build()))
                .addInterceptor(new ProxyFailures())
                .addInterceptor(new TlsFailures(null, null, null, proxies))
                .build();
    }

    /** For polls and checks: shares the streaming client's pool, but gives up on a server silent for 30 s. */
    public static OkHttpClient requests(OkHttpClient streaming) {
        return streaming.newBuilder().readTimeout(Duration.ofSeconds(30)).build();
    }
}
