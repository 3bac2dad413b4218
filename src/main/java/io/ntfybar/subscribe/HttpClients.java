package io.ntfybar.subscribe;

import io.ntfybar.model.AppVersion;
import java.time.Duration;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The OkHttp clients of the engine. TLS is verified by the JDK's trust store (never disabled here). Streams have no
 * read timeout: a stream is quiet between keepalives, and {@link StreamConnection#checkAlive} judges silence instead.
 */
public final class HttpClients {
    private HttpClients() {}

    /** For streams: no read timeout, and no per-host cap (a server's topics may need several long-lived streams). */
    public static OkHttpClient streaming() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(4096);
        dispatcher.setMaxRequestsPerHost(4096);
        String agent = AppVersion.current().userAgent();
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(Duration.ofSeconds(15))
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ofSeconds(15))
                .addInterceptor(chain -> chain.proceed(
                        chain.request().newBuilder().header("User-Agent", agent).build()))
                .build();
    }

    /** For polls and checks: shares the streaming client's pool, but gives up on a server silent for 30 s. */
    public static OkHttpClient requests(OkHttpClient streaming) {
        return streaming.newBuilder().readTimeout(Duration.ofSeconds(30)).build();
    }
}
