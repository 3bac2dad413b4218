package io.ntfybar.actions;

import io.ntfybar.model.Action;
import io.ntfybar.model.ActionType;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.CookieJar;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs ntfy {@code http} actions (protocol section 6.2), only when the user clicks the button: the action's method
 * (POST when none is given), its headers and its body (an empty body when none is given; none at all for GET and
 * HEAD), to its URL, which must be an {@code http} or {@code https} link. The URL is chosen by the publisher, so no
 * ntfy credentials and no cookies are ever sent; only the action's own headers and OkHttp's usual ones (the base
 * client's {@code User-Agent}), plus the custom headers of the message's server when the action goes to that server
 * (the caller passes that server's client). A proxy's own login (from its URL) still goes to the proxy.
 *
 * <p>{@link #run} returns at once; the request runs on OkHttp's dispatcher and the stage completes on one of its
 * threads. The stage never completes exceptionally: every problem is an unsuccessful {@link ActionResult} with a
 * sentence ("HTTP 500 Internal Server Error from example.com", "could not reach 127.0.0.1:1234: connection
 * refused", "timed out after 15 s"). Only a 2xx answer is a success. Redirects are followed (http and https only),
 * except from an action on a public address to a loopback, link-local or private one ({@link RedirectGuard}): "the
 * server redirected to a private address (127.0.0.1); not followed". Thread-safe.
 */
public final class HttpActionRunner {
    private static final Logger log = LoggerFactory.getLogger(HttpActionRunner.class);

    /** The time an action's request may take by default, from connecting to the end of the answer's headers. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final OkHttpClient client;
    private final Duration timeout;
    private final RedirectGuard redirects;

    /** Runs with {@link #DEFAULT_TIMEOUT}, sharing {@code base}'s connection pool and dispatcher. */
    public HttpActionRunner(OkHttpClient base) {
        this(base, DEFAULT_TIMEOUT);
    }

    /**
     * @param base the app's client (e.g. {@code HttpClients.requests(...)}); it must not add credentials itself
     * @param timeout the longest an action's request may take in all
     */
    public HttpActionRunner(OkHttpClient base, Duration timeout) {
        this(base, timeout, RedirectGuard.standard());
    }

    /** @param redirects checks and follows each redirect (tests declare which loopback addresses count as private) */
    HttpActionRunner(OkHttpClient base, Duration timeout, RedirectGuard redirects) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
        this.client = base.newBuilder()
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .cookieJar(CookieJar.NO_COOKIES)
                .authenticator(okhttp3.Authenticator.NONE)
                .retryOnConnectionFailure(false)
                // Redirects are followed by the guard, which checks each hop's address before connecting to it.
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.redirects = redirects;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Sends the action's request; see the class comment. Never throws for anything the action contains. */
    public CompletionStage<ActionResult> run(Action action) {
        Objects.requireNonNull(action, "action");
        if (action.type() != ActionType.HTTP) {
            return done(
                    ActionResult.failed("this is a " + Snippet.quote(action.action()) + " action, not an http action"));
        }
        Request request;
        try {
            request = request(action);
        } catch (RefusedAction e) {
            return done(ActionResult.failed(e.getMessage()));
        }
        HttpUrl url = request.url();
        CompletableFuture<ActionResult> result = new CompletableFuture<>();
        // A client per call (sharing the pool and dispatcher): its redirect guard is also its name lookup.
        RedirectGuard.Hops hops = redirects.forCall();
        OkHttpClient guarded =
                client.newBuilder().addInterceptor(hops).dns(hops.dns()).build();
        guarded.newCall(request).enqueue(new Callback() {
            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    int status = response.code();
                    String reason = reason(status, response.message());
                    String sentence =
                            "HTTP " + status + (reason.isEmpty() ? "" : " " + reason) + " from " + hostShown(url);
                    result.complete(
                            status >= 200 && status < 300
                                    ? ActionResult.ok(status, sentence)
                                    : ActionResult.failed(status, sentence));
                } catch (RuntimeException e) {
                    result.complete(ActionResult.failed("the answer from " + hostShown(url) + " could not be read"));
                }
            }

            @Override
            public void onFailure(Call call, IOException e) {
                log.info("http action to {} failed: {}", hostShown(url), e.toString());
                result.complete(ActionResult.failed(failure(url, e)));
            }
        });
        return result;
    }

    private Request request(Action action) throws RefusedAction {
        LinkPolicy.Decision decision = LinkPolicy.decideRequest(action.url());
        if (!decision.isOpen()) {
            throw new RefusedAction(decision.reason());
        }
        HttpUrl url = HttpUrl.parse(decision.uri().toASCIIString());
        if (url == null) {
            throw new RefusedAction("not a valid link: " + Snippet.quote(action.url()));
        }
        String method = action.effectiveMethod().strip().toUpperCase(Locale.ROOT);
        if (!TOKEN.matcher(method).matches()) {
            throw new RefusedAction("the action's method " + Snippet.quote(action.method()) + " is not an HTTP method");
        }
        Headers.Builder headers = new Headers.Builder();
        for (Map.Entry<String, String> h : action.headers().entrySet()) {
            try {
                headers.add(h.getKey(), h.getValue() == null ? "" : h.getValue());
            } catch (IllegalArgumentException e) {
                throw new RefusedAction("the action's header " + Snippet.quote(h.getKey())
                        + " cannot be sent (only printable ASCII, no line breaks)");
            }
        }
        RequestBody body = null;
        if (!method.equals("GET") && !method.equals("HEAD")) {
            String text = action.body() == null ? "" : action.body();
            body = RequestBody.create(text.getBytes(StandardCharsets.UTF_8), null);
        }
        return new Request.Builder()
                .url(url)
                .headers(headers.build())
                .method(method, body)
                .build();
    }

    private String failure(HttpUrl url, IOException e) {
        if (e instanceof RedirectGuard.Refused || e instanceof RedirectGuard.RefusedAddress) {
            return e.getMessage();
        }
        if (e instanceof InterruptedIOException) { // call timeout and SocketTimeoutException
            return "timed out after " + shown(timeout);
        }
        String where = "could not reach " + url.host() + ":" + url.port() + ": ";
        if (e instanceof ConnectException) {
            return where + "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "could not reach " + url.host() + ": the host name is unknown";
        }
        if (e instanceof NoRouteToHostException) {
            return where + "no route to the host";
        }
        if (e instanceof SSLException) {
            return where + "the secure connection failed (" + Snippet.visible(e.getMessage(), 80) + ")";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return where + Snippet.visible(message, 80);
    }

    /** "15 s", "1.5 s" or "300 ms". */
    static String shown(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** The host, with the port when it is not the scheme's default. */
    static String hostShown(HttpUrl url) {
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? url.host() : url.host() + ":" + url.port();
    }

    /** The answer's reason phrase (made safe to show), or the standard one when the server sent none. */
    static String reason(int status, String phrase) {
        if (phrase != null && !phrase.isBlank()) {
            return Snippet.visible(phrase.strip(), 40);
        }
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }

    private static CompletionStage<ActionResult> done(ActionResult r) {
        return CompletableFuture.completedFuture(r);
    }

    /** An action that is not sent, with the sentence saying why. */
    private static final class RefusedAction extends Exception {
        RefusedAction(String sentence) {
            super(sentence, null, false, false);
        }
    }
}
