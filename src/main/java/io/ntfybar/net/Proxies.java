package io.ntfybar.net;

/**
 * How ntfybar finds its proxy. {@link #useSystemSettings()} runs first thing in {@code main}, before any networking
 * class reads the property: with {@code java.net.useSystemProxies} the JDK's default selector reads the desktop's
 * proxy setting (GNOME's {@code org.gnome.system.proxy} through GIO on Linux, System Configuration on macOS, the
 * WinHTTP/Internet Options setting on Windows). {@link #system()} adds the environment variables on top of that
 * (docs/decisions/0014).
 */
public final class Proxies {
    private static volatile EnvironmentProxies system;

    private Proxies() {}

    /** Asks the JDK to read the desktop's proxy settings; a value set on the command line is left alone. */
    public static void useSystemSettings() {
        if (System.getProperty("java.net.useSystemProxies") == null) {
            System.setProperty("java.net.useSystemProxies", "true");
        }
    }

    /** The selector for this process: the environment's proxy variables, then the system's setting. */
    public static EnvironmentProxies system() {
        EnvironmentProxies s = system;
        if (s == null) {
            synchronized (Proxies.class) {
                s = system;
                if (s == null) {
                    s = new EnvironmentProxies(System.getenv(), java.net.ProxySelector.getDefault());
                    system = s;
                }
            }
        }
        return s;
    }
}
