package io.ntfybar.net;

import java.io.IOException;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds a server's custom headers (settings {@code headers}) to every request that goes to that server's origin
 * (scheme, host and port), and to no other. A network interceptor, so that each redirect hop is judged by where it
 * really goes: a redirect to another host never carries them, and neither does a proxy's {@code CONNECT}. Thread-safe.
 */
final class ServerHeaders implements Interceptor {
    private final HttpUrl origin;
    private final Map<String, String> headers;

    ServerHeaders(HttpUrl origin, Map<String, String> headers) {
        this.origin = origin;
        this.headers = Map.copyOf(headers);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request r = chain.request();
        if (!sameOrigin(r.url(), origin)) {
            return chain.proceed(r);
        }
        Request.Builder b = r.newBuilder();
        headers.forEach(b::header);
        return chain.proceed(b.build());
    }

    static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
    }
}
