package io.ntfybar.actions;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An attachment saved by {@link AttachmentDownloader}.
 *
 * @param path the file, always directly inside the downloader's cache folder
 * @param size its length in bytes
 * @param type what its first bytes say it is (the publisher's declared type is not trusted)
 */
public record DownloadedAttachment(Path path, long size, DetectedType type) {
    public DownloadedAttachment {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
    }

    /** True when the file really is a JPEG, PNG, GIF or WebP image, so it may be shown in the notification. */
    public boolean isImage() {
        return type.isImage();
    }
}
