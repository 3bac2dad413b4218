package io.ntfybar.testserver;

import java.time.Duration;

/**
 * Settings of a {@link NtfyTestServer}. Defaults follow ntfy v2.13's defaults (protocol sections 1.2, 2.1, 4.1 and 7),
 * except that the port is ephemeral. Change a value with the {@code with…} methods. Immutable.
 *
 * @param port 0 for an ephemeral port
 * @param keepalive interval of keepalive events on open streams (ntfy: 45 s)
 * @param requestLineLimit longest accepted request line in bytes, without CRLF; longer ones get 414
 * @param attachmentsEnabled when false, a body that would become an attachment gives 400/40014
 * @param attachmentFileSizeLimit bytes per uploaded file (ntfy: 15 MB); larger gives 413/41301
 * @param attachmentTotalSizeLimit bytes of all stored files (ntfy: 100 MB per visitor); over it gives 413/41301
 * @param attachmentExpiry how long an uploaded file is served (ntfy: 3 h)
 * @param cacheDuration how long messages stay in the cache (ntfy: 12 h)
 * @param authFailureBurst failed logins before 429/42909 (ntfy: 30, refilled one per minute)
 * @param minDelay shortest accepted delay of a scheduled message (ntfy: 10 s)
 * @param maxDelay longest accepted delay (ntfy: 3 days)
 * @param messageSizeLimit larger bodies become attachments (ntfy: 4096 bytes)
 */
public record TestServerConfig(
        int port,
        Duration keepalive,
        int requestLineLimit,
        boolean attachmentsEnabled,
        long attachmentFileSizeLimit,
        long attachmentTotalSizeLimit,
        Duration attachmentExpiry,
        Duration cacheDuration,
        int authFailureBurst,
        Duration minDelay,
        Duration maxDelay,
        int messageSizeLimit) {

    public static TestServerConfig defaults() {
        return new TestServerConfig(
                0,
                Duration.ofSeconds(45),
                8192,
                true,
                15L * 1024 * 1024,
                100L * 1024 * 1024,
                Duration.ofHours(3),
                Duration.ofHours(12),
                30,
                Duration.ofSeconds(10),
                Duration.ofDays(3),
                4096);
    }

    public TestServerConfig withPort(int v) {
        return new TestServerConfig(
                v,
                keepalive,
                requestLineLimit,
                attachmentsEnabled,
                attachmentFileSizeLimit,
                attachmentTotalSizeLimit,
                attachmentExpiry,
                cacheDuration,
                authFailureBurst,
                minDelay,
                maxDelay,
                messageSizeLimit);
    }

    public TestServerConfig withKeepalive(Duration v) {
        return new TestServerConfig(
                port,
                v,
                requestLineLimit,
                attachmentsEnabled,
                attachmentFileSizeLimit,
                attachmentTotalSizeLimit,
                attachmentExpiry,
                cacheDuration,
                authFailureBurst,
                minDelay,
                maxDelay,
                messageSizeLimit);
    }

    public TestServerConfig withRequestLineLimit(int v) {
        return new TestServerConfig(
                port,
                keepalive,
                v,
                attachmentsEnabled,
                attachmentFileSizeLimit,
                attachmentTotalSizeLimit,
                attachmentExpiry,
                cacheDuration,
                authFailureBurst,
                minDelay,
                maxDelay,
                messageSizeLimit);
    }

    public TestServerConfig withAttachmentsEnabled(boolean v) {
        return new TestServerConfig(
                port,
                keepalive,
                requestLineLimit,
                v,
                attachmentFileSizeLimit,
                attachmentTotalSizeLimit,
                attachmentExpiry,
                cacheDuration,
                authFailureBurst,
                minDelay,
                maxDelay,
                messageSizeLimit);
    }

    public TestServerConfig withAttachmentFileSizeLimit(long v) {
        return new TestServerConfig(
                port,
                keepalive,
                requestLineLimit,
                attachmentsEnabled,
                v,
                attachmentTotalSizeLimit,
                attachmentExpiry,
                cacheDuration,
                authFailureBurst,
                minDelay,
                maxDelay,
                messageSizeLimit);
    }

    public TestServerConfig withAttachmentTotalSizeLimit(long v) {
        return new TestServerConfig(
                port,
                keepalive,
                requestLineLimit,
                attachmentsEnabled,
                attachmentFileSizeLimit,
                v,
                attachmentExpiry,
                cacheDuration,
                authFailureBurst,
                minDelay,
                maxDelay,
                messageSizeLimit);
    }

    public TestServerConfig withAttachmentExpiry(Duration v) {
        return new TestServerConfig(
                port,
                keepalive,
                requestLineLimit,
                attachmentsEnabled,
                attachmentFileSizeLimit,
                attachmentTotalSizeLimit,
                v,
                cacheDuration,
                authFailureBurst,
                minDelay,
                maxDelay,
                messageSizeLimit);
    }

    public TestServerConfig withCacheDuration(Duration v) {
        return new TestServerConfig(
                port,
                keepalive,
                requestLineLimit,
                attachmentsEnabled,
                attachmentFileSizeLimit,
                attachmentTotalSizeLimit,
                attachmentExpiry,
                v,
                authFailureBurst,
                minDelay,
                maxDelay,
                messageSizeLimit);
    }

    public TestServerConfig withAuthFailureBurst(int v) {
        return new TestServerConfig(
                port,
                keepalive,
                requestLineLimit,
                attachmentsEnabled,
                attachmentFileSizeLimit,
                attachmentTotalSizeLimit,
                attachmentExpiry,
                cacheDuration,
                v,
                minDelay,
                maxDelay,
                messageSizeLimit);
    }

    public TestServerConfig withMinDelay(Duration v) {
        return new TestServerConfig(
                port,
                keepalive,
                requestLineLimit,
                attachmentsEnabled,
                attachmentFileSizeLimit,
                attachmentTotalSizeLimit,
                attachmentExpiry,
                cacheDuration,
                authFailureBurst,
                v,
                maxDelay,
                messageSizeLimit);
    }

    public TestServerConfig withMaxDelay(Duration v) {
        return new TestServerConfig(
                port,
                keepalive,
                requestLineLimit,
                attachmentsEnabled,
                attachmentFileSizeLimit,
                attachmentTotalSizeLimit,
                attachmentExpiry,
                cacheDuration,
                authFailureBurst,
                minDelay,
                v,
                messageSizeLimit);
    }
}
