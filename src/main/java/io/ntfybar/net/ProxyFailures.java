package io.ntfybar.net;

import java.io.IOException;
import java.util.Locale;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Turns a proxy's refusal to let a request through without (the right) login into a sentence: an http request's
 * {@code 407} answer, or a failed {@code CONNECT} tunnel for https. The request fails either way; the proxy's login is
 * never guessed or sent anywhere else. An application interceptor. Thread-safe.
 */
public final class ProxyFailures implements Interceptor {
    static final String SENTENCE = "the proxy refused the request for want of a login (407 Proxy Authentication"
            + " Required); give it in the proxy's URL, e.g. http://user:password@proxy:3128 in https_proxy or"
            + " http_proxy";

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("failed to authenticate with proxy") || m.contains("too many tunnel connections")) {
                throw new IOException(SENTENCE, e);
            }
            throw e;
        }
        if (response.code() == 407) {
            response.close();
            throw new IOException(SENTENCE);
        }
        return response;
    }
}
