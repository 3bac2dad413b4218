package io.ntfybar.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Whether this machine is on a network at all, for "is the server down, or am I offline?". On Linux: a default route
 * in the kernel's IPv4 or IPv6 routing table (docker0, virbr0 and friends are always up but route nothing out). Where
 * there is no {@code /proc} (macOS, Windows): an interface that is up, not loopback, not virtual, with an address
 * that is not link-local ({@code utun}, {@code awdl} and {@code llw} interfaces on macOS carry only link-local ones).
 */
public final class NetworkPresence {
    private static final Path ROUTES_V4 = Path.of("/proc/net/route");
    private static final Path ROUTES_V6 = Path.of("/proc/net/ipv6_route");

    private NetworkPresence() {}

    /** True when there is a way out; also when it cannot be told (better a needless alert than none). */
    public static boolean any() {
        try {
            if (Files.isReadable(ROUTES_V4)) {
                return hasDefaultRoute(
                        Files.readAllLines(ROUTES_V4),
                        Files.isReadable(ROUTES_V6) ? Files.readAllLines(ROUTES_V6) : List.of());
            }
            return anyRoutableInterface();
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /**
     * Whether the tables (the text of {@code /proc/net/route} and {@code /proc/net/ipv6_route}) hold a default route
     * that is up (the RTF_UP flag): IPv4 destination {@code 00000000}, or the IPv6 prefix {@code ::/0} on another
     * device than {@code lo} (where the kernel keeps its "unreachable" default).
     */
    static boolean hasDefaultRoute(List<String> v4, List<String> v6) {
        for (String line : v4) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 3 && f[1].equals("00000000") && !f[0].equals("Iface")) {
                int flags = Integer.parseInt(f[3], 16);
                if ((flags & 1) != 0) {
                    return true;
                }
            }
        }
        for (String line : v6) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 9
                    && f[0].equals("00000000000000000000000000000000")
                    && f[1].equals("00")
                    && (Long.parseLong(f[8], 16) & 1) != 0
                    && !f[9].equals("lo")) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyRoutableInterface() throws SocketException {
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            String name = n.getName().toLowerCase(Locale.ROOT);
            if (!n.isUp() || n.isLoopback() || n.isVirtual() || name.startsWith("awdl") || name.startsWith("llw")) {
                continue;
            }
            for (InetAddress a : Collections.list(n.getInetAddresses())) {
                if (!a.isLinkLocalAddress()
                        && !a.isLoopbackAddress()
                        && (a instanceof Inet4Address || !name.startsWith("utun"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
