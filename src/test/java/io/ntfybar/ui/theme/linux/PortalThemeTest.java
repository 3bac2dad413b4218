package io.ntfybar.ui.theme.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.testsupport.Await;
import io.ntfybar.testsupport.DesktopSession;
import io.ntfybar.testsupport.DesktopTests;
import io.ntfybar.ui.theme.SystemTheme;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal reader on a real, private D-Bus session bus. xdg-desktop-portal is not installed here, so the "with a
 * portal" case serves the portal's Settings object from the test, with the portal's extra variant wrapping.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "a D-Bus session bus is Linux-only here")
class PortalThemeTest {
    @TempDir
    Path dir;

    private Process bus;
    private String address;

    @BeforeEach
    void startBus() throws Exception {
        DesktopTests.require(DesktopSession.onPath("dbus-daemon"), "dbus-daemon is not installed");
        bus = new ProcessBuilder(
                        "dbus-daemon", "--session", "--nofork", "--print-address=1", "--address=unix:tmpdir=" + dir)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8))
                .readLine()
                .strip();
    }

    @AfterEach
    void stopBus() throws Exception {
        bus.destroy();
        bus.waitFor(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Records whether the portal reader handed watching over to it. */
    static final class Fallback implements SystemTheme {
        final boolean dark;
        final AtomicInteger watched = new AtomicInteger();

        Fallback(boolean dark) {
            this.dark = dark;
        }

        @Override
        public boolean isDark() {
            return dark;
        }

        @Override
        public void watch(Runnable onChange) {
            watched.incrementAndGet();
        }

        @Override
        public String name() {
            return "fallback";
        }
    }

    @Test
    void withoutAPortalEveryQuestionGoesToTheFallback() {
        for (boolean dark : new boolean[] {true, false}) {
            Fallback fallback = new Fallback(dark);
            try (PortalTheme t = PortalTheme.connect(address, fallback)) {
                assertEquals(Optional.empty(), t.readPortal());
                assertEquals(dark, t.isDark());
                assertEquals("fallback", t.name());
                t.watch(() -> {});
                assertEquals(1, fallback.watched.get(), "no portal signal, so the fallback watches");
            }
        }
    }

    @Test
    void anUnreachableBusLeavesTheFallback() {
        Fallback fallback = new Fallback(true);
        try (PortalTheme t = PortalTheme.connect("unix:path=" + dir.resolve("no-such-socket"), fallback)) {
            assertTrue(t.isDark());
            assertEquals("fallback", t.name());
        }
    }

    /** The portal's Settings object, answering what the desktop's switch says. */
    static final class TestPortal implements PortalSettings {
        final AtomicLong scheme = new AtomicLong();

        @Override
        public Variant<?> Read(String namespace, String key) {
            if (!NAMESPACE.equals(namespace) || !COLOR_SCHEME.equals(key)) {
                throw new IllegalArgumentException("Requested setting not found");
            }
            // xdg-desktop-portal's Read wraps the value in a second variant.
            return new Variant<>(new Variant<>(new UInt32(scheme.get())));
        }

        @Override
        public String getObjectPath() {
            return OBJECT_PATH;
        }
    }

    @Test
    void readsThePortalAndHearsItsChangeSignal() throws Exception {
        TestPortal portal = new TestPortal();
        try (DBusConnection server =
                DBusConnectionBuilder.forAddress(address).withShared(false).build()) {
            server.requestBusName(PortalSettings.BUS_NAME);
            server.exportObject(PortalSettings.OBJECT_PATH, portal);
            portal.scheme.set(PortalTheme.PREFER_DARK);
            Fallback fallback = new Fallback(false);
            try (PortalTheme t = PortalTheme.connect(address, fallback)) {
                assertTrue(t.isDark());
                assertEquals("XDG desktop portal", t.name());

                CountDownLatch changed = new CountDownLatch(1);
                t.watch(changed::countDown);
                assertEquals(0, fallback.watched.get(), "the portal's signal replaces polling");
                portal.scheme.set(2); // prefer light
                server.sendMessage(new PortalSettings.SettingChanged(
                        PortalSettings.OBJECT_PATH,
                        PortalSettings.NAMESPACE,
                        PortalSettings.COLOR_SCHEME,
                        new Variant<>(new UInt32(2))));
                Await.until("SettingChanged to reach the watcher", () -> changed.getCount() == 0);
                assertFalse(t.isDark());

                // "No preference" defers to the fallback, which may know of a dark GTK theme.
                portal.scheme.set(0);
                assertFalse(t.isDark());
            }
            Fallback darkFallback = new Fallback(true);
            try (PortalTheme t = PortalTheme.connect(address, darkFallback)) {
                assertTrue(t.isDark(), "no preference from the portal, dark from the fallback");
            }
        }
    }

    @Test
    void unwrapsAnyNumberOfVariants() {
        assertEquals(Optional.of(1L), PortalTheme.number(new Variant<>(new Variant<>(new UInt32(1)))));
        assertEquals(Optional.of(2L), PortalTheme.number(new Variant<>(new UInt32(2))));
        assertEquals(Optional.empty(), PortalTheme.number(new Variant<>("dark")));
        assertEquals(Optional.empty(), PortalTheme.number(null));
    }
}
