package io.ntfybar.model;

import java.util.Objects;

/**
 * A message attachment. {@code type}, {@code size} and {@code expires} are absent (null) for external attachments.
 *
 * @param name file name as the publisher gave it; untrusted, never use it as a path without sanitising
 * @param type MIME type, or null
 * @param size bytes, or null
 * @param expires unix seconds after which the server no longer serves it, or null
 * @param url where to download it
 */
public record Attachment(String name, String type, Long size, Long expires, String url) {
    public Attachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
    }

    /** True when the server said when it expires and that time has passed. */
    public boolean isExpired(long nowEpochSeconds) {
        return expires != null && expires > 0 && expires < nowEpochSeconds;
    }

    public boolean isImage() {
        return type != null && type.startsWith("image/");
    }
}
