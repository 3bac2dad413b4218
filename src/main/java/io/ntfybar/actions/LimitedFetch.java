package io.ntfybar.actions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A GET that streams into a temporary file in a given folder and stops as soon as more than a limit arrives, whatever
 * Content-Length said. Redirects are followed here, not by OkHttp, so that each hop is checked (http and https only)
 * and the Authorization header goes only to the URLs the caller allows. Thread-safe.
 */
final class LimitedFetch {
    static final int MAX_REDIRECTS = 5;

    /** A complete download in {@code temp} (the caller moves or deletes it). */
    record Fetched(Path temp, long size, DetectedType type) {}

    private final OkHttpClient client;

    LimitedFetch(OkHttpClient base) {
        this.client = base.newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .cookieJar(CookieJar.NO_COOKIES)
                .authenticator(okhttp3.Authenticator.NONE)
                .build();
    }

    /**
     * @param what the attachment's name as shown in sentences (already quoted)
     * @param sendAuthTo which URLs may receive {@code authorization}
     */
    Fetched fetch(
            HttpUrl url,
            Predicate<HttpUrl> sendAuthTo,
            Optional<String> authorization,
            long limitBytes,
            Path folder,
            String what)
            throws AttachmentException {
        HttpUrl current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Request.Builder request = new Request.Builder().url(current).get();
            if (authorization.isPresent() && sendAuthTo.test(current)) {
                try {
                    request.header("Authorization", authorization.get());
                } catch (IllegalArgumentException e) {
                    throw new AttachmentException(
                            AttachmentException.Reason.REFUSED_URL,
                            "cannot download " + what + ": the server's login cannot be sent in a header");
                }
            }
            try (Response response = client.newCall(request.build()).execute()) {
                int status = response.code();
                if (status >= 300 && status < 400 && status != 304) {
                    String location = response.header("Location");
                    HttpUrl next = location == null ? null : current.resolve(location);
                    if (next == null) {
                        throw new AttachmentException(
                                AttachmentException.Reason.HTTP_STATUS,
                                "cannot download " + what + ": " + HttpActionRunner.hostShown(current)
                                        + " redirected to a link that is not http or https");
                    }
                    current = next;
                    continue;
                }
                if (status < 200 || status >= 300) {
                    String reason = HttpActionRunner.reason(status, response.message());
                    throw new AttachmentException(
                            AttachmentException.Reason.HTTP_STATUS,
                            "cannot download " + what + ": HTTP " + status + (reason.isEmpty() ? "" : " " + reason)
                                    + " from " + HttpActionRunner.hostShown(current));
                }
                return save(response.body(), limitBytes, folder, what);
            } catch (IOException e) {
                throw network(current, what, e);
            }
        }
        throw new AttachmentException(
                AttachmentException.Reason.HTTP_STATUS,
                "cannot download " + what + ": more than " + MAX_REDIRECTS + " redirects");
    }

    private static Fetched save(ResponseBody body, long limitBytes, Path folder, String what)
            throws AttachmentException, IOException {
        long declared = body.contentLength();
        if (declared > limitBytes) {
            throw tooLarge(what, declared, limitBytes);
        }
        Path temp;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, ".download-", ".part");
        } catch (IOException e) {
            throw new AttachmentException(
                    AttachmentException.Reason.FILE_SYSTEM,
                    "cannot save " + what + " in " + folder + ": " + e.getMessage(),
                    e);
        }
        boolean complete = false;
        try (InputStream in = body.byteStream();
                OutputStream out = Files.newOutputStream(temp)) {
            byte[] head = new byte[DetectedType.HEAD_BYTES];
            int headLength = 0;
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > limitBytes) {
                    throw tooLarge(what, -1, limitBytes);
                }
                if (headLength < head.length) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw new AttachmentException(
                            AttachmentException.Reason.FILE_SYSTEM,
                            "cannot save " + what + " in " + folder + ": " + e.getMessage(),
                            e);
                }
            }
            complete = true;
            return new Fetched(temp, total, DetectedType.of(head, headLength));
        } finally {
            if (!complete) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static AttachmentException tooLarge(String what, long declared, long limit) {
        return new AttachmentException(
                AttachmentException.Reason.TOO_LARGE,
                declared >= 0
                        ? what + " is " + Sizes.shown(declared) + ", more than the limit of " + Sizes.shown(limit)
                        : what + " is larger than the limit of " + Sizes.shown(limit) + "; the download was stopped");
    }

    private static AttachmentException network(HttpUrl url, String what, IOException e) {
        String where = "cannot download " + what + ": ";
        String sentence;
        if (e instanceof InterruptedIOException) {
            sentence = where + HttpActionRunner.hostShown(url) + " did not answer in time";
        } else if (e instanceof ConnectException) {
            sentence = where + "could not reach " + url.host() + ":" + url.port() + ": connection refused";
        } else if (e instanceof UnknownHostException) {
            sentence = where + "could not reach " + url.host() + ": the host name is unknown";
        } else {
            sentence = where + "the connection to " + HttpActionRunner.hostShown(url) + " failed ("
                    + Snippet.visible(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), 80)
                    + ")";
        }
        return new AttachmentException(AttachmentException.Reason.NETWORK, sentence, e);
    }
}
