package io.ntfybar.actions;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses are this machine's or its local network's: loopback (127/8, ::1), unspecified (0/8, ::), link-local
 * (169.254/16, fe80::/10) and private ranges (10/8, 172.16/12, 192.168/16, fc00::/7, and the old site-local
 * fec0::/10). An IPv4 address mapped into IPv6 ({@code ::ffff:127.0.0.1}) counts as the IPv4 address it carries, so
 * it cannot slip past as "IPv6". Pure and thread-safe.
 */
public final class PrivateAddresses {
    private PrivateAddresses() {}

    public static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address && isMappedIpv4(b)) {
            return isPrivateIpv4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if (address instanceof Inet4Address) {
            return isPrivateIpv4(b);
        }
        int first = b[0] & 0xff;
        return address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress() // fe80::/10
                || address.isSiteLocalAddress() // fec0::/10
                || (first & 0xfe) == 0xfc; // fc00::/7, unique local
    }

    private static boolean isMappedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static boolean isPrivateIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // "this network", 0.0.0.0 included
                || first == 10
                || first == 127
                || (first == 169 && second == 254)
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168);
    }
}
