package io.ntfybar.notify.linux;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** The freedesktop Desktop Notifications interface (specification 1.2), as dunst, GNOME Shell and KDE serve it. */
@DBusInterfaceName("org.freedesktop.Notifications")
public interface FreedesktopNotifications extends DBusInterface {
    String BUS_NAME = "org.freedesktop.Notifications";
    String OBJECT_PATH = "/org/freedesktop/Notifications";

    UInt32 Notify(
            String appName,
            UInt32 replacesId,
            String appIcon,
            String summary,
            String body,
            List<String> actions,
            Map<String, Variant<?>> hints,
            int expireTimeout);

    void CloseNotification(UInt32 id);

    List<String> GetCapabilities();

    ServerInformation GetServerInformation();

    /** name, vendor, version, spec version. */
    final class ServerInformation extends Tuple {
        @Position(0)
        public final String name;

        @Position(1)
        public final String vendor;

        @Position(2)
        public final String version;

        @Position(3)
        public final String specVersion;

        public ServerInformation(String name, String vendor, String version, String specVersion) {
            this.name = name;
            this.vendor = vendor;
            this.version = version;
            this.specVersion = specVersion;
        }
    }

    /** An action of a notification was invoked ({@code default} is a click on the notification itself). */
    final class ActionInvoked extends DBusSignal {
        private final UInt32 id;
        private final String actionKey;

        public ActionInvoked(String path, UInt32 id, String actionKey) throws DBusException {
            super(path, id, actionKey);
            this.id = id;
            this.actionKey = actionKey;
        }

        public long id() {
            return id.longValue();
        }

        public String actionKey() {
            return actionKey;
        }
    }

    /** A notification closed: reason 1 expired, 2 dismissed by the user, 3 closed by CloseNotification, 4 other. */
    final class NotificationClosed extends DBusSignal {
        private final UInt32 id;
        private final UInt32 reason;

        public NotificationClosed(String path, UInt32 id, UInt32 reason) throws DBusException {
            super(path, id, reason);
            this.id = id;
            this.reason = reason;
        }

        public long id() {
            return id.longValue();
        }

        public long reason() {
            return reason.longValue();
        }
    }
}
