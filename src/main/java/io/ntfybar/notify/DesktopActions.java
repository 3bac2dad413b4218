package io.ntfybar.notify;

import io.ntfybar.actions.AttachmentDownloader;
import io.ntfybar.actions.AttachmentException;
import io.ntfybar.actions.AutoDownload;
import io.ntfybar.actions.Clipboard;
import io.ntfybar.actions.DownloadedAttachment;
import io.ntfybar.actions.HttpActionRunner;
import io.ntfybar.actions.IconCache;
import io.ntfybar.actions.LinkOpener;
import io.ntfybar.actions.LinkPolicy;
import io.ntfybar.credentials.Keychain;
import io.ntfybar.model.Action;
import io.ntfybar.model.Attachment;
import io.ntfybar.model.Message;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.settings.Settings;
import io.ntfybar.subscribe.HttpClients;
import io.ntfybar.subscribe.Logins;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MessageActions} on the real parts of {@code actions}: {@link LinkPolicy} and a {@link LinkOpener},
 * {@link HttpActionRunner}, a {@link Clipboard}, {@link AttachmentDownloader} within the auto-download setting (with the
 * subscription's own login only for its own server) and {@link IconCache}.
 */
public final class DesktopActions implements MessageActions {
    private static final Logger log = LoggerFactory.getLogger(DesktopActions.class);

    private final LinkOpener opener;
    private final HttpActionRunner http;
    private final Clipboard clipboard;
    private final AttachmentDownloader attachments;
    private final IconCache icons;
    private final Keychain keychain;
    private final Supplier<Settings> settings;
    /** Downloaders for servers with their own CA certificate (settings {@code ca-certificate}), by PEM file. */
    private final Map<String, AttachmentDownloader> trusting = new ConcurrentHashMap<>();

    public DesktopActions(
            LinkOpener opener,
            HttpActionRunner http,
            Clipboard clipboard,
            AttachmentDownloader attachments,
            IconCache icons,
            Keychain keychain,
            Supplier<Settings> settings) {
        this.opener = opener;
        this.http = http;
        this.clipboard = clipboard;
        this.attachments = attachments;
        this.icons = icons;
        this.keychain = keychain;
        this.settings = settings;
    }

    /** The usual parts: the platform's opener, the AWT clipboard, caches under {@code cacheFolder}. */
    public static DesktopActions standard(
            OkHttpClient client, Path cacheFolder, Keychain keychain, Supplier<Settings> settings) {
        return new DesktopActions(
                new io.ntfybar.actions.SystemLinkOpener(),
                new HttpActionRunner(client),
                new AwtClipboard(),
                new AttachmentDownloader(client, cacheFolder.resolve("attachments")),
                new IconCache(client, cacheFolder.resolve("icons")),
                keychain,
                settings);
    }

    @Override
    public Optional<String> refusal(String url) {
        LinkPolicy.Decision d = LinkPolicy.decide(url);
        return d.isOpen() ? Optional.empty() : Optional.of(d.reason());
    }

    @Override
    public void open(String url) {
        LinkPolicy.Decision d = LinkPolicy.decide(url);
        if (!d.isOpen()) {
            log.warn("Refused to open a link: {}", d.reason());
            return;
        }
        opener.open(d.uri()).thenAccept(r -> {
            if (!r.success()) {
                log.warn("Could not open a link: {}", r.message());
            }
        });
    }

    @Override
    public CompletionStage<Outcome> runHttp(Action action) {
        return http.run(action).thenApply(r -> new Outcome(r.success(), r.success() ? null : r.message()));
    }

    @Override
    public boolean copy(String text) {
        try {
            clipboard.setText(text);
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not copy to the clipboard: {}", e.toString());
            return false;
        }
    }

    @Override
    public Optional<String> imageFor(Subscription subscription, Message message) {
        Attachment a = message.attachment();
        if (a != null) {
            AutoDownload limit =
                    AutoDownload.parse(settings.get().notifications().autoDownload());
            if (limit.allows(a)) {
                try {
                    Optional<String> auth = Logins.forServer(
                                    keychain,
                                    subscription.baseUrl(),
                                    settings.get().server(subscription.baseUrl()))
                            .map(AuthorizationHeader::value);
                    Optional<AttachmentDownloader> downloader =
                            downloaderFor(settings.get().server(subscription.baseUrl()));
                    if (downloader.isEmpty()) {
                        return Optional.empty();
                    }
                    DownloadedAttachment d = downloader
                            .get()
                            .download(a, ServerUrl.of(subscription.baseUrl()), auth, limit.limitBytes());
                    if (d.isImage()) {
                        return Optional.of(d.path().toString());
                    }
                } catch (AttachmentException e) {
                    log.info("Attachment not downloaded: {}", e.getMessage());
                }
            }
        }
        if (message.icon() != null && !message.icon().isBlank()) {
            return icons.icon(message.icon()).map(Path::toString);
        }
        return Optional.empty();
    }

    /**
     * The downloader for a server: the shared one, or, for a server whose settings name its own CA certificate, one
     * that trusts that CA as well as the system's (as its stream does; host names are still verified).
     */
    private Optional<AttachmentDownloader> downloaderFor(ServerSettings server) {
        String pem = server.caCertificate();
        if (pem == null || pem.isBlank()) {
            return Optional.of(attachments);
        }
        AttachmentDownloader d = trusting.get(pem);
        if (d == null) {
            try {
                d = new AttachmentDownloader(
                        HttpClients.trusting(HttpClients.requests(HttpClients.streaming()), Path.of(pem)),
                        attachments.cacheFolder());
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                log.warn(
                        "Attachment not downloaded: the server's CA certificate {} cannot be used: {}",
                        pem,
                        e.getMessage());
                return Optional.empty();
            }
            trusting.put(pem, d);
        }
        return Optional.of(d);
    }
}
