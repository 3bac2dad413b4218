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
import io.ntfybar.net.ServerClients;
import io.ntfybar.net.TrustException;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.settings.Settings;
import io.ntfybar.subscribe.Logins;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MessageActions} on the real parts of {@code actions}: {@link LinkPolicy} and a {@link LinkOpener},
 * {@link HttpActionRunner}, a {@link Clipboard}, {@link AttachmentDownloader} within the auto-download setting (with the
 * subscription's own login only for its own server) and {@link IconCache}. A request to the message's own server goes
 * through that server's client ({@link ServerClients}: its CA, client certificate and headers); a request anywhere
 * else through the plain one.
 */
public final class DesktopActions implements MessageActions {
    private static final Logger log = LoggerFactory.getLogger(DesktopActions.class);

    private final LinkOpener opener;
    private final Clipboard clipboard;
    private final ServerClients servers;
    private final Path cacheFolder;
    private final Keychain keychain;
    private final Supplier<Settings> settings;
    /** The parts that hold a client, one set per client (the plain one, and one per server with its own trust). */
    private final Map<OkHttpClient, HttpActionRunner> runners = new ConcurrentHashMap<>();

    private final Map<OkHttpClient, AttachmentDownloader> downloaders = new ConcurrentHashMap<>();
    private final Map<OkHttpClient, IconCache> icons = new ConcurrentHashMap<>();

    /**
     * @param servers the clients: {@link ServerClients#base()} for other hosts, one per server for its own
     * @param cacheFolder attachments go to its {@code attachments} folder, icons to {@code icons}
     */
    public DesktopActions(
            LinkOpener opener,
            Clipboard clipboard,
            ServerClients servers,
            Path cacheFolder,
            Keychain keychain,
            Supplier<Settings> settings) {
        this.opener = opener;
        this.clipboard = clipboard;
        this.servers = servers;
        this.cacheFolder = cacheFolder;
        this.keychain = keychain;
        this.settings = settings;
    }

    /** As {@link #standard(ServerClients, Path, Keychain, Supplier)}, each server's client derived from {@code client}. */
    public static DesktopActions standard(
            OkHttpClient client, Path cacheFolder, Keychain keychain, Supplier<Settings> settings) {
        return standard(new ServerClients(client, keychain), cacheFolder, keychain, settings);
    }

    /** The usual parts: the platform's opener, the AWT clipboard, caches under {@code cacheFolder}. */
    public static DesktopActions standard(
            ServerClients servers, Path cacheFolder, Keychain keychain, Supplier<Settings> settings) {
        return new DesktopActions(
                new io.ntfybar.actions.SystemLinkOpener(),
                new AwtClipboard(),
                servers,
                cacheFolder,
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
    public CompletionStage<Outcome> runHttp(Action action, String serverBaseUrl) {
        OkHttpClient client;
        try {
            client = clientFor(action.url(), serverBaseUrl);
        } catch (TrustException e) {
            return java.util.concurrent.CompletableFuture.completedFuture(new Outcome(false, e.getMessage()));
        }
        return part(runners, client, HttpActionRunner::new)
                .run(action)
                .thenApply(r -> new Outcome(r.success(), r.success() ? null : r.message()));
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
        String base = subscription.baseUrl();
        if (a != null) {
            AutoDownload limit =
                    AutoDownload.parse(settings.get().notifications().autoDownload());
            if (limit.allows(a)) {
                try {
                    Optional<String> auth = Logins.forServer(
                                    keychain, base, settings.get().server(base))
                            .map(AuthorizationHeader::value);
                    AttachmentDownloader d = part(
                            downloaders,
                            clientFor(a.url(), base),
                            c -> new AttachmentDownloader(c, cacheFolder.resolve("attachments")));
                    DownloadedAttachment got = d.download(a, ServerUrl.of(base), auth, limit.limitBytes());
                    if (got.isImage()) {
                        return Optional.of(got.path().toString());
                    }
                } catch (AttachmentException | TrustException e) {
                    log.info("Attachment not downloaded: {}", e.getMessage());
                }
            }
        }
        if (message.icon() != null && !message.icon().isBlank()) {
            try {
                IconCache cache = part(
                        icons, clientFor(message.icon(), base), c -> new IconCache(c, cacheFolder.resolve("icons")));
                return cache.icon(message.icon()).map(Path::toString);
            } catch (TrustException e) {
                log.info("Icon not downloaded: {}", e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * The server's own client when {@code url} is on the message's server (same scheme, host and port), else the plain
     * one: another host never sees the server's headers or client certificate.
     *
     * @throws TrustException when the server's trust settings cannot be used
     */
    private OkHttpClient clientFor(String url, String serverBaseUrl) {
        HttpUrl target = url == null ? null : HttpUrl.parse(url);
        HttpUrl server = serverBaseUrl == null ? null : HttpUrl.parse(serverBaseUrl);
        if (target == null || server == null || !ServerClients.sameOrigin(target, server)) {
            return servers.base();
        }
        return servers.forServer(serverBaseUrl, settings.get().server(serverBaseUrl));
    }

    private static <T> T part(Map<OkHttpClient, T> parts, OkHttpClient client, Function<OkHttpClient, T> make) {
        return parts.computeIfAbsent(client, make);
    }
}
