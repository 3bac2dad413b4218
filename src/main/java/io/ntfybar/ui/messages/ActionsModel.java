package io.ntfybar.ui.messages;

import io.ntfybar.actions.AttachmentDownloader;
import io.ntfybar.actions.AttachmentException;
import io.ntfybar.actions.AutoDownload;
import io.ntfybar.actions.DownloadedAttachment;
import io.ntfybar.model.Action;
import io.ntfybar.model.Attachment;
import io.ntfybar.model.StoredMessage;
import io.ntfybar.net.TrustException;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.UiThreads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import javafx.beans.property.StringProperty;

/**
 * What a message's buttons and links do: view links (refused ones say why instead), http actions (only on a click;
 * running, then ✔ or ❌ with the reason), copy, the click URL, image previews within the auto-download limit, and
 * opening or saving attachments. Network and store work on {@link UiThreads#io()}; results on the FX thread.
 */
final class ActionsModel {
    private static final UiText TEXT = UiText.of(ActionsModel.class);

    private final AppCore core;
    private final UiThreads threads;
    private final StringProperty notice;
    private final LongFunction<String> baseUrlOf;
    /** Outcomes by row id and action index, kept for items built later (a reload, a search result). */
    private final Map<Long, Map<Integer, ActionState>> outcomes = new ConcurrentHashMap<>();
    /** Downloaded attachments by URL, so that scrolling past an image again does not download it again. */
    private final Map<String, Path> downloaded = new ConcurrentHashMap<>();

    /** One downloader per client: a server's trust settings (and so its client) may change while the app runs. */
    private final Map<okhttp3.OkHttpClient, AttachmentDownloader> downloaders = new ConcurrentHashMap<>();

    private Consumer<String> clipboard = s -> {};

    ActionsModel(AppCore core, UiThreads threads, StringProperty notice, LongFunction<String> baseUrlOf) {
        this.core = core;
        this.threads = threads;
        this.notice = notice;
        this.baseUrlOf = baseUrlOf;
    }

    void setClipboard(Consumer<String> clipboard) {
        this.clipboard = clipboard;
    }

    void copy(String text) {
        clipboard.accept(text);
        notice.set(TEXT.get("notice.copied"));
    }

    /** Puts known outcomes and a cached preview on a newly built item. Any thread (the item is not shown yet). */
    MessageItem restore(MessageItem item) {
        Map<Integer, ActionState> known = outcomes.get(item.rowId());
        if (known != null) {
            known.forEach((i, s) -> {
                if (i < item.actionCount()) {
                    item.action(i).set(s);
                }
            });
        }
        Attachment a = item.stored().message().attachment();
        if (a != null && downloaded.containsKey(a.url())) {
            item.previewProperty().set(new Preview(Preview.Status.READY, downloaded.get(a.url()), null));
        }
        return item;
    }

    /** An outcome for a button; from the window or a notification's button. FX thread. */
    void outcome(MessageItem item, long rowId, int index, ActionState state) {
        outcomes.computeIfAbsent(rowId, k -> new ConcurrentHashMap<>()).put(index, state);
        if (item != null && index < item.actionCount()) {
            item.action(index).set(state);
        }
    }

    /** The user clicked action button {@code index}. FX thread. */
    void run(MessageItem item, int index) {
        Action action = item.stored().message().actions().get(index);
        switch (action.type()) {
            case VIEW -> openLink(
                    action.url(), reason -> outcome(item, item.rowId(), index, ActionState.of(false, reason)));
            case HTTP -> {
                if (item.action(index).get().status() == ActionState.Status.RUNNING) {
                    return;
                }
                outcome(item, item.rowId(), index, ActionState.RUNNING);
                threads.io().execute(() -> core.actions()
                        .runHttp(action, baseUrlOf.apply(item.stored().subscriptionId()))
                        .whenComplete((o, e) -> threads.fx()
                                .execute(() -> outcome(
                                        item,
                                        item.rowId(),
                                        index,
                                        o == null
                                                ? ActionState.of(false, String.valueOf(e))
                                                : ActionState.of(o.success(), o.reason())))));
            }
            case COPY -> {
                copy(action.value() == null ? "" : action.value());
                outcome(item, item.rowId(), index, ActionState.of(true, null));
            }
            default -> outcome(item, item.rowId(), index, ActionState.of(false, TEXT.get("message.action.unknown")));
        }
    }

    /** Opens a link through the core's rules; a refused link reports its reason (and opens nothing). FX thread. */
    void openLink(String url, Consumer<String> refused) {
        threads.io().execute(() -> {
            Optional<String> no = core.actions().refusal(url);
            if (no.isPresent()) {
                threads.fx().execute(() -> {
                    notice.set(TEXT.get("notice.linkRefused", no.get()));
                    refused.accept(no.get());
                });
            } else {
                core.actions().open(url);
            }
        });
    }

    /** Downloads the image for a preview when the auto-download setting allows (or {@code asked}). FX thread. */
    void preview(MessageItem item, boolean asked) {
        Attachment a = item.stored().message().attachment();
        Preview now = item.previewProperty().get();
        if (a == null
                || !a.isImage()
                || now.status() == Preview.Status.LOADING
                || now.status() == Preview.Status.READY) {
            return;
        }
        if (!asked && now.status() != Preview.Status.NONE) {
            return;
        }
        if (a.isExpired(System.currentTimeMillis() / 1000)) {
            item.previewProperty()
                    .set(new Preview(Preview.Status.FAILED, null, TEXT.get("message.attachment.expired")));
            return;
        }
        item.previewProperty().set(Preview.LOADING);
        threads.io().execute(() -> {
            Preview p;
            AutoDownload limit = asked ? AutoDownload.MB_50 : autoDownload();
            if (!limit.allows(a)) {
                p = new Preview(
                        Preview.Status.NOT_AUTOMATIC,
                        null,
                        TEXT.get("message.attachment.tooLarge", Sizes.shown(a.size() == null ? 0 : a.size())));
            } else {
                try {
                    DownloadedAttachment d = download(item.stored(), a, limit.limitBytes());
                    p = d.isImage()
                            ? new Preview(Preview.Status.READY, d.path(), null)
                            : new Preview(Preview.Status.FAILED, null, null);
                } catch (AttachmentException | TrustException e) {
                    p = new Preview(Preview.Status.FAILED, null, e.getMessage());
                }
            }
            Preview result = p;
            threads.fx().execute(() -> item.previewProperty().set(result));
        });
    }

    /** Opens the attachment's link in the browser (it downloads or shows it). FX thread. */
    void openAttachment(MessageItem item) {
        Attachment a = item.stored().message().attachment();
        if (a != null) {
            openLink(a.url(), reason -> {});
        }
    }

    /** Downloads the attachment (no size limit: the user asked) and copies it to {@code target}. FX thread. */
    void saveAttachment(MessageItem item, Path target) {
        Attachment a = item.stored().message().attachment();
        if (a == null) {
            return;
        }
        threads.io().execute(() -> {
            String said;
            try {
                Path file = downloaded.containsKey(a.url()) && Files.isRegularFile(downloaded.get(a.url()))
                        ? downloaded.get(a.url())
                        : download(item.stored(), a, Long.MAX_VALUE).path();
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                said = TEXT.get("message.attachment.saved", target.toString());
            } catch (AttachmentException | TrustException e) {
                said = TEXT.get("notice.failed", e.getMessage());
            } catch (IOException e) {
                said = TEXT.get("notice.failed", e.getMessage());
            }
            String text = said;
            threads.fx().execute(() -> notice.set(text));
        });
    }

    private AutoDownload autoDownload() {
        try {
            return AutoDownload.parse(core.settings().notifications().autoDownload());
        } catch (IllegalArgumentException e) {
            return AutoDownload.DEFAULT;
        }
    }

    /** I/O thread. */
    private DownloadedAttachment download(StoredMessage m, Attachment a, long limit) throws AttachmentException {
        String base = baseUrlOf.apply(m.subscriptionId());
        AttachmentDownloader d = downloaders.computeIfAbsent(
                core.requestsFor(base),
                c -> new AttachmentDownloader(c, core.paths().cache().resolve("attachments")));
        DownloadedAttachment got =
                d.download(a, ServerUrl.of(base), core.authFor(base).map(AuthorizationHeader::value), limit);
        downloaded.put(a.url(), got.path());
        return got;
    }
}
