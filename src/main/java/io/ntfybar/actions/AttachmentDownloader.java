package io.ntfybar.actions;

import io.ntfybar.model.Attachment;
import io.ntfybar.protocol.ServerUrl;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Downloads message attachments into a cache folder (protocol section 7), safely whatever the message says:
 *
 * <ul>
 *   <li>an expired attachment ({@link Attachment#isExpired}, judged by the injected clock) is refused without a
 *       request, and so is one whose declared size is over the limit;
 *   <li>only {@code http} and {@code https} URLs are fetched, redirects included;
 *   <li>the subscription's {@code Authorization} header is sent only to the same origin (scheme, host and port) as
 *       the subscription's server, on every redirect hop; another port on the same host is another origin;
 *   <li>the bytes stream into a temporary file in the cache folder, and the download stops and the partial file is
 *       deleted as soon as more than the limit arrives, whatever Content-Length said;
 *   <li>the file is named by {@link FileNames#sanitize} from the publisher's name, never overwrites a file
 *       ({@code photo.png}, then {@code photo (2).png}, ...), and is checked to be directly inside the cache folder;
 *   <li>its type is detected from its first bytes ({@link DetectedType}), never taken from the publisher.
 * </ul>
 *
 * <p>{@link #download} blocks (run it on a worker thread). Errors are {@link AttachmentException}s with a sentence
 * for people and a {@link AttachmentException.Reason}; network and file problems never escape as unchecked
 * exceptions. Thread-safe: concurrent downloads of the same name get different files.
 */
public final class AttachmentDownloader {
    /** How many numbered names ("x (2)", "x (3)", ...) are tried before giving up. */
    static final int MAX_NUMBER = 10_000;

    private final LimitedFetch fetch;
    private final Path folder;
    private final Clock clock;

    /**
     * @param client the app's client, e.g. {@code HttpClients.requests(...)}, or one trusting the subscription's own
     *     CA certificates; redirects are handled here
     * @param cacheFolder where attachments are saved; created when missing
     */
    public AttachmentDownloader(OkHttpClient client, Path cacheFolder) {
        this(client, cacheFolder, Clock.systemUTC());
    }

    /** As above, with the clock that decides whether an attachment has expired. */
    public AttachmentDownloader(OkHttpClient client, Path cacheFolder, Clock clock) {
        this.fetch = new LimitedFetch(client);
        this.folder = cacheFolder.toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path cacheFolder() {
        return folder;
    }

    /**
     * Downloads {@code attachment} into the cache folder.
     *
     * @param subscriptionServer the server of the subscription the message came from
     * @param authorizationHeader the complete {@code Authorization} value for that server ({@code "Bearer tk_…"} or
     *     {@code "Basic …"}), sent only to the same origin
     * @param limitBytes the most bytes to accept, e.g. {@link AutoDownload#limitBytes()}
     * @return the saved file
     * @throws AttachmentException with a sentence when it is expired, too large, not an http(s) link, not served, not
     *     reachable, or cannot be saved; nothing is left in the folder then
     */
    public DownloadedAttachment download(
            Attachment attachment, ServerUrl subscriptionServer, Optional<String> authorizationHeader, long limitBytes)
            throws AttachmentException {
        Objects.requireNonNull(attachment, "attachment");
        Objects.requireNonNull(subscriptionServer, "subscriptionServer");
        Objects.requireNonNull(authorizationHeader, "authorizationHeader");
        String what = Snippet.quote(attachment.name());
        if (attachment.isExpired(clock.instant().getEpochSecond())) {
            throw new AttachmentException(
                    AttachmentException.Reason.EXPIRED, what + " has expired; the server no longer keeps it");
        }
        HttpUrl url = httpUrl(attachment.url(), what);
        if (attachment.size() != null && attachment.size() > limitBytes) {
            throw new AttachmentException(
                    AttachmentException.Reason.TOO_LARGE,
                    what + " is " + Sizes.shown(attachment.size()) + ", more than the limit of "
                            + Sizes.shown(limitBytes));
        }
        HttpUrl server = HttpUrl.get(subscriptionServer.value());
        LimitedFetch.Fetched fetched =
                fetch.fetch(url, u -> sameOrigin(u, server), authorizationHeader, limitBytes, folder, what);
        try {
            Path saved = place(fetched.temp(), FileNames.sanitize(attachment.name()), what);
            return new DownloadedAttachment(saved, fetched.size(), fetched.type());
        } finally {
            try {
                Files.deleteIfExists(fetched.temp());
            } catch (IOException e) {
                // left for the cache cleaner: a hidden ".download-*.part" file
            }
        }
    }

    /** True when both URLs have the same scheme, host and port. */
    static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
    }

    static HttpUrl httpUrl(String link, String what) throws AttachmentException {
        LinkPolicy.Decision decision = LinkPolicy.decideRequest(link);
        HttpUrl url = decision.isOpen() ? HttpUrl.parse(decision.uri().toASCIIString()) : null;
        if (url == null) {
            throw new AttachmentException(
                    AttachmentException.Reason.REFUSED_URL,
                    "cannot download " + what + ": "
                            + (decision.isOpen() ? "not a valid link: " + Snippet.quote(link) : decision.reason()));
        }
        return url;
    }

    /** Moves the temporary file to the first free name: {@code name}, {@code name (2)}, ... */
    private Path place(Path temp, String name, String what) throws AttachmentException {
        try {
            for (int n = 1; n <= MAX_NUMBER; n++) {
                Path target = inside(n == 1 ? name : FileNames.numbered(name, n));
                try {
                    Files.createFile(target); // reserves the name atomically; fails if anything is there
                } catch (FileAlreadyExistsException taken) {
                    continue;
                }
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(target);
                    throw e;
                }
                return target;
            }
            throw new AttachmentException(
                    AttachmentException.Reason.FILE_SYSTEM,
                    "cannot save " + what + ": " + MAX_NUMBER + " files of that name are already in " + folder);
        } catch (IOException e) {
            throw new AttachmentException(
                    AttachmentException.Reason.FILE_SYSTEM,
                    "cannot save " + what + " in " + folder + ": " + e.getMessage(),
                    e);
        }
    }

    /** The path of {@code name} in the cache folder, checked to be directly inside it. */
    private Path inside(String name) throws AttachmentException {
        Path target = folder.resolve(name).normalize();
        if (!target.startsWith(folder) || !folder.equals(target.getParent())) {
            throw new AttachmentException(
                    AttachmentException.Reason.FILE_SYSTEM,
                    "cannot save " + Snippet.quote(name) + ": the name leads outside the cache folder");
        }
        return target;
    }
}
