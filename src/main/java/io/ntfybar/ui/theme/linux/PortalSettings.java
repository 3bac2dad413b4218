package io.ntfybar.ui.theme.linux;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.Variant;

/** The part of the XDG desktop portal's Settings interface that carries the light/dark preference. */
@DBusInterfaceName("org.freedesktop.portal.Settings")
public interface PortalSettings extends DBusInterface {
    String BUS_NAME = "org.freedesktop.portal.Desktop";
    String OBJECT_PATH = "/org/freedesktop/portal/desktop";
    String NAMESPACE = "org.freedesktop.appearance";
    String COLOR_SCHEME = "color-scheme";

    /** Version 1 of the interface; its value comes wrapped in one variant more than the signature says. */
    Variant<?> Read(String namespace, String key);

    /** Sent by the portal when a setting changes. */
    final class SettingChanged extends DBusSignal {
        private final String namespace;
        private final String key;
        private final Variant<?> value;

        public SettingChanged(String path, String namespace, String key, Variant<?> value) throws DBusException {
            super(path, namespace, key, value);
            this.namespace = namespace;
            this.key = key;
            this.value = value;
        }

        public String namespace() {
            return namespace;
        }

        public String key() {
            return key;
        }

        public Variant<?> value() {
            return value;
        }
    }
}
