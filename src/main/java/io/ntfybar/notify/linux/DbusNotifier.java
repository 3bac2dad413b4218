package io.ntfybar.notify.linux;

import io.ntfybar.notify.NotificationListener;
import io.ntfybar.notify.Notifier;
import io.ntfybar.render.NotificationSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusSigHandler;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications through the freedesktop notification service on the D-Bus session bus (dunst, GNOME Shell, KDE
 * Plasma, ...).
 *
 * <ul>
 *   <li>Urgency hint from the level (0 low, 1 normal, 2 critical); expire timeout 0 (never) for priority 5, else the
 *       server's default; category {@code im.received} (the spec has no grouping: a category is a hint only);
 *       {@code desktop-entry} {@code ntfybar}; {@code image-path} as a {@code file://} URI; {@code suppress-sound} or
 *       {@code sound-name}.
 *   <li>A revision replaces the shown notification through {@code replaces_id}, kept per identity.
 *   <li>Actions only when the server lists the {@code actions} capability: {@code default} (a click on the
 *       notification) and {@code action-0} … {@code action-2}. The server sends ActionInvoked and NotificationClosed to
 *       the connection that called Notify, so both are handled on this one connection.
 *   <li>After an action was handled the notification is closed, as the specification's default (non-resident)
 *       behaviour asks; dunst leaves it on screen otherwise.
 * </ul>
 *
 * Thread-safe: {@link #show} and {@link #withdraw} from any thread; listener calls come on dbus-java's signal thread.
 */
public final class DbusNotifier implements Notifier {
    private static final Logger log = LoggerFactory.getLogger(DbusNotifier.class);
    static final String APP_NAME = "ntfybar";
    static final String CATEGORY = "im.received";
    static final String DEFAULT_ACTION = "default";
    static final String ACTION_PREFIX = "action-";
    private static final long REASON_DISMISSED = 2;

    private final DBusConnection connection;
    private final FreedesktopNotifications service;
    private final Capabilities capabilities;
    private final String serverName;
    private final boolean bodyMarkup;
    private final Map<String, UInt32> idsByIdentity = new HashMap<>();
    private final Map<Long, String> identitiesById = new HashMap<>();
    private volatile NotificationListener listener = new NotificationListener() {};
    private volatile Availability availability = Availability.OK;
    private final DBusSigHandler<FreedesktopNotifications.ActionInvoked> onAction = this::actionInvoked;
    private final DBusSigHandler<FreedesktopNotifications.NotificationClosed> onClosed = this::closed;

    private DbusNotifier(DBusConnection connection, FreedesktopNotifications service, List<String> caps, String name)
            throws DBusException {
        this.connection = connection;
        this.service = service;
        boolean actions = caps.contains("actions");
        boolean images = caps.contains("icon-static") || caps.contains("body-images") || caps.contains("icon-multi");
        this.capabilities = new Capabilities(actions, actions, images, true);
        this.serverName = name;
        this.bodyMarkup = caps.contains("body-markup");
        connection.addSigHandler(FreedesktopNotifications.ActionInvoked.class, onAction);
        connection.addSigHandler(FreedesktopNotifications.NotificationClosed.class, onClosed);
    }

    /** Connects to the session bus of this process's environment; empty when there is none or no service on it. */
    public static Optional<DbusNotifier> connectSessionBus() {
        String address = System.getenv("DBUS_SESSION_BUS_ADDRESS");
        if (address == null || address.isBlank()) {
            log.info("No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set): no freedesktop notifications");
            return Optional.empty();
        }
        return connect(address);
    }

    /** Connects to the bus at {@code address}; empty, with the reason logged, when no notification service answers. */
    public static Optional<DbusNotifier> connect(String address) {
        DBusConnection c = null;
        try {
            c = DBusConnectionBuilder.forAddress(address).withShared(false).build();
            FreedesktopNotifications s = c.getRemoteObject(
                    FreedesktopNotifications.BUS_NAME,
                    FreedesktopNotifications.OBJECT_PATH,
                    FreedesktopNotifications.class);
            List<String> caps = s.GetCapabilities();
            FreedesktopNotifications.ServerInformation info = s.GetServerInformation();
            String name = "freedesktop notifications (" + info.name + " " + info.version + ")";
            log.info("Notifications through {}, capabilities {}", name, caps);
            return Optional.of(new DbusNotifier(c, s, caps, name));
        } catch (DBusException | RuntimeException e) {
            log.info("No freedesktop notification service on the session bus: {}", e.getMessage());
            if (c != null) {
                c.disconnect();
            }
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return serverName;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public Availability availability() {
        return availability;
    }

    @Override
    public void setListener(NotificationListener l) {
        this.listener = l;
    }

    @Override
    public void show(NotificationSpec spec) {
        UInt32 replaces;
        synchronized (this) {
            replaces = idsByIdentity.getOrDefault(spec.identity(), new UInt32(0));
        }
        try {
            UInt32 id = service.Notify(
                    APP_NAME,
                    replaces,
                    "",
                    spec.title(),
                    body(spec, bodyMarkup),
                    actions(spec, capabilities.actions()),
                    hints(spec),
                    spec.expiresNever() ? 0 : -1);
            synchronized (this) {
                if (replaces.longValue() != 0 && replaces.longValue() != id.longValue()) {
                    identitiesById.remove(replaces.longValue());
                }
                idsByIdentity.put(spec.identity(), id);
                identitiesById.put(id.longValue(), spec.identity());
            }
            availability = Availability.OK;
        } catch (RuntimeException e) {
            log.warn("The notification service refused a notification: {}", e.getMessage());
            availability =
                    Availability.unusable("The desktop's notification service did not answer: " + e.getMessage());
        }
    }

    @Override
    public void withdraw(String identity) {
        UInt32 id;
        synchronized (this) {
            id = idsByIdentity.remove(identity);
            if (id != null) {
                identitiesById.remove(id.longValue());
            }
        }
        if (id != null) {
            close(id);
        }
    }

    @Override
    public void close() {
        try {
            connection.removeSigHandler(FreedesktopNotifications.ActionInvoked.class, onAction);
            connection.removeSigHandler(FreedesktopNotifications.NotificationClosed.class, onClosed);
        } catch (DBusException | RuntimeException e) {
            log.debug("Removing signal handlers: {}", e.getMessage());
        }
        connection.disconnect();
    }

    /**
     * The body with the subtitle in front, since the freedesktop notification has no subtitle line. A server with the
     * {@code body-markup} capability interprets a small markup (b, i, u, a, img): the text is the message's plain text,
     * so there every markup character is escaped and nothing is ever rendered as a tag.
     */
    static String body(NotificationSpec spec, boolean markup) {
        String body = spec.body() == null ? "" : spec.body();
        String text = spec.subtitle() == null || spec.subtitle().isBlank() ? body : spec.subtitle() + "\n" + body;
        return markup ? escapeMarkup(text) : text;
    }

    static String escapeMarkup(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static List<String> actions(NotificationSpec spec, boolean supported) {
        List<String> out = new ArrayList<>();
        if (!supported) {
            return out;
        }
        out.add(DEFAULT_ACTION);
        out.add("Open");
        for (int i = 0; i < spec.actions().size(); i++) {
            out.add(ACTION_PREFIX + i);
            out.add(spec.actions().get(i).label());
        }
        return out;
    }

    static Map<String, Variant<?>> hints(NotificationSpec spec) {
        Map<String, Variant<?>> h = new LinkedHashMap<>();
        h.put("urgency", new Variant<>((byte) spec.level().urgency()));
        h.put("category", new Variant<>(CATEGORY));
        h.put("desktop-entry", new Variant<>(APP_NAME));
        if (spec.imageFile() != null && Files.isRegularFile(Path.of(spec.imageFile()))) {
            h.put("image-path", new Variant<>(Path.of(spec.imageFile()).toUri().toString()));
        }
        if (spec.sound() == null) {
            h.put("suppress-sound", new Variant<>(Boolean.TRUE));
        } else if (!NotificationSpec.DEFAULT_SOUND.equals(spec.sound())) {
            h.put("sound-name", new Variant<>(spec.sound()));
        }
        return h;
    }

    private void close(UInt32 id) {
        try {
            service.CloseNotification(id);
        } catch (RuntimeException e) {
            log.debug("CloseNotification {}: {}", id, e.getMessage());
        }
    }

    private void actionInvoked(FreedesktopNotifications.ActionInvoked signal) {
        String identity;
        synchronized (this) {
            identity = identitiesById.get(signal.id());
        }
        if (identity == null) {
            return; // not ours, or already withdrawn
        }
        String key = signal.actionKey();
        try {
            if (DEFAULT_ACTION.equals(key)) {
                listener.onClick(identity);
            } else if (key.startsWith(ACTION_PREFIX)) {
                listener.onAction(identity, Integer.parseInt(key.substring(ACTION_PREFIX.length())));
            }
        } catch (RuntimeException e) {
            log.warn("Handling action {} of a notification failed", key, e);
        } finally {
            withdraw(identity);
        }
    }

    private void closed(FreedesktopNotifications.NotificationClosed signal) {
        String identity;
        synchronized (this) {
            identity = identitiesById.remove(signal.id());
            if (identity != null) {
                idsByIdentity.remove(identity);
            }
        }
        if (identity != null && signal.reason() == REASON_DISMISSED) {
            listener.onDismissed(identity);
        }
    }
}
