package io.ntfybar.notify.mac;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.ntfybar.model.Action;
import io.ntfybar.render.NotificationSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request half of {@link MacNotifier}: a {@link NotificationSpec} becomes {@code UNMutableNotificationContent}
 * (title, subtitle, body, thread, sound, interruption level, category, user info, image attachment) and an
 * {@code UNNotificationRequest} added to the center. Keeps the registry of action categories and makes the copies of
 * images that macOS takes over. Only ever used on the notifier's executor, inside an autorelease pool.
 */
final class MacRequests {
    private static final Logger log = LoggerFactory.getLogger(MacRequests.class);

    private final Foundation ns;
    private final Path attachmentDir;
    private final Map<String, List<Action>> categories = new LinkedHashMap<>();
    private Path tempAttachmentDir;

    /** @param attachmentDir where image copies go; null: a temporary folder made on first use */
    MacRequests(Foundation ns, Path attachmentDir) {
        this.ns = ns;
        this.attachmentDir = attachmentDir;
    }

    /** Builds the request for {@code spec} and adds it to {@code center}. On the notifier's executor, in a pool. */
    void add(Pointer center, Pointer completionBlock, NotificationSpec spec) {
        Pointer content = ns.ptr(ns.cls("UNMutableNotificationContent"), "new");
        try {
            ns.call(content, "setTitle:", ns.string(Objects.toString(spec.title(), "")));
            if (spec.subtitle() != null) {
                ns.call(content, "setSubtitle:", ns.string(spec.subtitle()));
            }
            ns.call(content, "setBody:", ns.string(Objects.toString(spec.body(), "")));
            if (spec.group() != null) {
                ns.call(content, "setThreadIdentifier:", ns.string(spec.group()));
            }
            if (spec.sound() != null) {
                ns.call(content, "setSound:", sound(spec.sound()));
            }
            if (spec.level() != null && ns.bool(content, "respondsToSelector:", ns.sel("setInterruptionLevel:"))) {
                ns.call(content, "setInterruptionLevel:", MacMapping.interruptionLevel(spec.level()));
            }
            List<Action> actions = spec.actions().size() > 3 ? spec.actions().subList(0, 3) : spec.actions();
            if (!actions.isEmpty()) {
                ns.call(content, "setCategoryIdentifier:", ns.string(category(center, actions)));
            }
            Map<String, String> userInfo = new LinkedHashMap<>();
            userInfo.put(MacNotifier.IDENTITY_KEY, spec.identity());
            if (spec.group() != null) {
                userInfo.put(MacNotifier.GROUP_KEY, spec.group());
            }
            ns.call(content, "setUserInfo:", ns.stringDictionary(userInfo));
            if (spec.imageFile() != null) {
                Pointer attachment = attachment(spec.imageFile());
                if (attachment != null) {
                    ns.call(content, "setAttachments:", ns.array(List.of(attachment)));
                }
            }
            Pointer request = ns.ptr(
                    ns.cls("UNNotificationRequest"),
                    "requestWithIdentifier:content:trigger:",
                    ns.string(spec.identity()),
                    content,
                    null);
            ns.call(center, "addNotificationRequest:withCompletionHandler:", request, completionBlock);
        } finally {
            ns.call(content, "release");
        }
    }

    private Pointer sound(String sound) {
        Pointer cls = ns.cls("UNNotificationSound");
        return NotificationSpec.DEFAULT_SOUND.equals(sound)
                ? ns.ptr(cls, "defaultSound")
                : ns.ptr(cls, "soundNamed:", ns.string(sound));
    }

    /**
     * The category for this set of buttons; registers it, by re-sending the full set (setNotificationCategories:
     * replaces all categories), when it is new.
     */
    private String category(Pointer center, List<Action> actions) {
        String id = MacMapping.categoryId(actions);
        if (categories.containsKey(id)) {
            return id;
        }
        categories.put(id, List.copyOf(actions));
        List<Pointer> all = new ArrayList<>();
        for (Map.Entry<String, List<Action>> e : categories.entrySet()) {
            List<Pointer> buttons = new ArrayList<>();
            List<Action> list = e.getValue();
            for (int i = 0; i < list.size(); i++) {
                buttons.add(ns.ptr(
                        ns.cls("UNNotificationAction"),
                        "actionWithIdentifier:title:options:",
                        ns.string(MacMapping.actionIdentifier(i)),
                        ns.string(list.get(i).label()),
                        MacMapping.ACTION_OPTIONS_NONE));
            }
            all.add(ns.ptr(
                    ns.cls("UNNotificationCategory"),
                    "categoryWithIdentifier:actions:intentIdentifiers:options:",
                    ns.string(e.getKey()),
                    ns.array(buttons),
                    ns.array(List.of()),
                    MacMapping.CATEGORY_OPTION_CUSTOM_DISMISS_ACTION));
        }
        ns.call(center, "setNotificationCategories:", ns.set(all));
        return id;
    }

    /** An attachment made from a copy of the image (macOS moves the file it is given), or null. */
    private Pointer attachment(String imageFile) {
        Path source = Path.of(imageFile);
        Path copy;
        try {
            if (!Files.isRegularFile(source)) {
                log.warn("macOS notifications: image {} is missing", source);
                return null;
            }
            long size = Files.size(source);
            if (size > MacMapping.MAX_IMAGE_BYTES) {
                log.warn("macOS notifications: image {} is {} bytes, over the 10 MB limit", source, size);
                return null;
            }
            Path dir = attachmentDir();
            String name = source.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
            copy = dir.resolve(UUID.randomUUID() + ext);
            Files.copy(source, copy);
        } catch (IOException | RuntimeException e) {
            log.warn("macOS notifications: cannot copy image {}: {}", source, e.toString());
            return null;
        }
        Pointer url = ns.ptr(
                ns.cls("NSURL"),
                "fileURLWithPath:",
                ns.string(copy.toAbsolutePath().toString()));
        Memory error = new Memory(8);
        error.setPointer(0, null);
        Pointer attachment = ns.ptr(
                ns.cls("UNNotificationAttachment"),
                "attachmentWithIdentifier:URL:options:error:",
                ns.string(MacNotifier.ATTACHMENT_ID),
                url,
                null,
                error);
        if (attachment == null) {
            log.warn("macOS notifications: image {} not accepted: {}", source, ns.errorText(error.getPointer(0)));
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                log.debug("macOS notifications: cannot delete {}", copy, e);
            }
        }
        return attachment;
    }

    private Path attachmentDir() throws IOException {
        if (attachmentDir != null) {
            Files.createDirectories(attachmentDir);
            return attachmentDir;
        }
        if (tempAttachmentDir == null) {
            tempAttachmentDir = Files.createTempDirectory("ntfybar-attachments");
        }
        return tempAttachmentDir;
    }
}
