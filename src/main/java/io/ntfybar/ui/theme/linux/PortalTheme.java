package io.ntfybar.ui.theme.linux;

import io.ntfybar.ui.theme.SystemTheme;
import java.util.Optional;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusSigHandler;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linux: the XDG desktop portal's {@code org.freedesktop.appearance color-scheme} (0 no preference, 1 prefer dark,
 * 2 prefer light), which GNOME, KDE and other desktops serve, with its change signal. Where there is no portal
 * (no session bus, or a bare window manager) every question goes to the fallback reader.
 */
public final class PortalTheme implements SystemTheme, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PortalTheme.class);
    static final long PREFER_DARK = 1;

    private final DBusConnection connection;
    private final PortalSettings portal;
    private final SystemTheme fallback;
    private volatile boolean portalAnswers;
    private DBusSigHandler<PortalSettings.SettingChanged> handler;

    private PortalTheme(DBusConnection connection, SystemTheme fallback) {
        this.connection = connection;
        this.fallback = fallback;
        PortalSettings p = null;
        if (connection != null) {
            try {
                p = connection.getRemoteObject(
                        PortalSettings.BUS_NAME, PortalSettings.OBJECT_PATH, PortalSettings.class);
            } catch (DBusException | RuntimeException e) {
                log.debug("No portal object: {}", e.getMessage());
            }
        }
        this.portal = p;
    }

    /** On this process's session bus, if any. */
    public static PortalTheme connectSessionBus(SystemTheme fallback) {
        String address = System.getenv("DBUS_SESSION_BUS_ADDRESS");
        if (address == null || address.isBlank()) {
            log.info(
                    "No D-Bus session bus, so no desktop portal; reading the light/dark setting through {}",
                    fallback.name());
            return new PortalTheme(null, fallback);
        }
        return connect(address, fallback);
    }

    /** On the bus at {@code address}; a bus that cannot be reached leaves only the fallback. */
    public static PortalTheme connect(String address, SystemTheme fallback) {
        DBusConnection c = null;
        try {
            c = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        } catch (DBusException | RuntimeException e) {
            log.info(
                    "Cannot reach the D-Bus session bus ({}); reading the light/dark setting through {}",
                    e.getMessage(),
                    fallback.name());
        }
        PortalTheme t = new PortalTheme(c, fallback);
        if (t.readPortal().isEmpty()) {
            log.info(
                    "No desktop portal answers for color-scheme; reading the light/dark setting through {}",
                    fallback.name());
        }
        return t;
    }

    @Override
    public boolean isDark() {
        Optional<Long> scheme = readPortal();
        // 0 ("no preference") also goes to the fallback: some desktops answer 0 yet have a dark GTK theme.
        if (scheme.isPresent() && scheme.get() != 0) {
            return scheme.get() == PREFER_DARK;
        }
        return fallback.isDark();
    }

    /** The portal's color-scheme value; empty when there is no portal or it does not know the key. */
    Optional<Long> readPortal() {
        if (portal == null) {
            return Optional.empty();
        }
        try {
            Optional<Long> v = number(portal.Read(PortalSettings.NAMESPACE, PortalSettings.COLOR_SCHEME));
            portalAnswers = v.isPresent();
            return v;
        } catch (RuntimeException e) {
            portalAnswers = false;
            log.debug("The portal did not answer for color-scheme: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The number inside however many variants wrap it (Read adds one; ReadOne and SettingChanged do not). */
    static Optional<Long> number(Object value) {
        Object v = value;
        while (v instanceof Variant<?> variant) {
            v = variant.getValue();
        }
        return v instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
    }

    @Override
    public synchronized void watch(Runnable onChange) {
        if (!portalAnswers || connection == null) {
            fallback.watch(onChange);
            return;
        }
        if (handler != null) {
            return;
        }
        handler = signal -> {
            if (PortalSettings.NAMESPACE.equals(signal.namespace())
                    && PortalSettings.COLOR_SCHEME.equals(signal.key())) {
                try {
                    onChange.run();
                } catch (RuntimeException e) {
                    log.warn("Reacting to a change of the desktop's color scheme failed", e);
                }
            }
        };
        try {
            connection.addSigHandler(PortalSettings.SettingChanged.class, handler);
        } catch (DBusException | RuntimeException e) {
            log.warn("Cannot listen for the portal's SettingChanged; watching through {} instead", fallback.name(), e);
            handler = null;
            fallback.watch(onChange);
        }
    }

    @Override
    public String name() {
        return portalAnswers ? "XDG desktop portal" : fallback.name();
    }

    @Override
    public synchronized void close() {
        if (connection == null) {
            return;
        }
        try {
            if (handler != null) {
                connection.removeSigHandler(PortalSettings.SettingChanged.class, handler);
            }
        } catch (DBusException | RuntimeException e) {
            log.debug("Removing the SettingChanged handler: {}", e.getMessage());
        }
        connection.disconnect();
    }
}
