package io.ntfybar.actions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Message icons (the {@code icon} URL of a message) cached in a folder: each is saved once under the SHA-256 of its
 * URL plus the extension of its detected type ({@code 3f…a9.png}) and reused from then on without a request. Only
 * {@code http}/{@code https} URLs are fetched, without any credentials; at most {@link #MAX_BYTES}; only files whose
 * first bytes are a JPEG, PNG, GIF or WebP image are kept.
 *
 * <p>{@link #icon} blocks (run it on a worker thread) and never throws: every problem gives an empty result and a
 * log line. Thread-safe.
 */
public final class IconCache {
    private static final Logger log = LoggerFactory.getLogger(IconCache.class);

    /** The largest icon accepted: 1 MB (1,048,576 bytes). */
    public static final long MAX_BYTES = 1024L * 1024;

    private final LimitedFetch fetch;
    private final Path folder;

    /**
     * @param client the app's client, e.g. {@code HttpClients.requests(...)}
     * @param cacheFolder where icons are kept; created when missing
     */
    public IconCache(OkHttpClient client, Path cacheFolder) {
        this.fetch = new LimitedFetch(client);
        this.folder = cacheFolder.toAbsolutePath().normalize();
    }

    /** The cached icon of {@code url}, downloading it first when it is not cached; empty on any problem. */
    public Optional<Path> icon(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            return fetchOrReuse(url);
        } catch (RuntimeException e) {
            log.warn("Could not cache an icon: {}", e.toString());
            return Optional.empty();
        }
    }

    private Optional<Path> fetchOrReuse(String url) {
        String key = key(url);
        Optional<Path> cached = cached(key);
        if (cached.isPresent()) {
            return cached;
        }
        HttpUrl httpUrl;
        try {
            httpUrl = AttachmentDownloader.httpUrl(url, "the icon");
        } catch (AttachmentException e) {
            log.info("Not fetching an icon: {}", e.getMessage());
            return Optional.empty();
        }
        LimitedFetch.Fetched fetched;
        try {
            fetched = fetch.fetch(httpUrl, u -> false, Optional.empty(), MAX_BYTES, folder, "the icon");
        } catch (AttachmentException e) {
            log.info("Icon {} not cached: {}", HttpActionRunner.hostShown(httpUrl), e.getMessage());
            return Optional.empty();
        }
        try {
            if (!fetched.type().isImage()) {
                log.info("Icon from {} is not a JPEG, PNG, GIF or WebP image", HttpActionRunner.hostShown(httpUrl));
                return Optional.empty();
            }
            Path target = folder.resolve(key + fetched.type().extension());
            try {
                Files.move(fetched.temp(), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(fetched.temp(), target, StandardCopyOption.REPLACE_EXISTING);
            }
            return Optional.of(target);
        } catch (IOException e) {
            log.warn("Could not keep an icon in {}: {}", folder, e.toString());
            return Optional.empty();
        } finally {
            try {
                Files.deleteIfExists(fetched.temp());
            } catch (IOException e) {
                // a hidden leftover; harmless
            }
        }
    }

    private Optional<Path> cached(String key) {
        for (DetectedType t : DetectedType.values()) {
            if (t.isImage()) {
                Path p = folder.resolve(key + t.extension());
                if (Files.isRegularFile(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** The SHA-256 of the URL, in hex: the icon's file name without extension. */
    static String key(String url) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(sha.digest(Objects.requireNonNull(url).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
