package io.ntfybar.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hosts that bypass a proxy, from a {@code no_proxy} value as curl, wget and Go read it: entries separated by
 * commas or spaces; {@code *} alone matches everything; {@code example.com}, {@code .example.com} and
 * {@code *.example.com} match that domain and every name under it; an entry may end in {@code :port} to match only
 * that port; IP addresses ({@code 10.1.2.3}, {@code ::1}, {@code [::1]:8080}) and CIDR ranges ({@code 10.0.0.0/8},
 * {@code fd00::/8}) match IP literals only (names are never resolved for this). Immutable.
 */
public final class NoProxy {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private record Entry(String domain, byte[] address, int prefixBits, int port) {}

    private final boolean all;
    private final List<Entry> entries;

    private NoProxy(boolean all, List<Entry> entries) {
        this.all = all;
        this.entries = List.copyOf(entries);
    }

    public static final NoProxy NONE = new NoProxy(false, List.of());

    /** Parses a {@code no_proxy} value; null or blank gives {@link #NONE}. Entries it cannot read are ignored. */
    public static NoProxy parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        boolean all = false;
        List<Entry> entries = new ArrayList<>();
        for (String raw : value.split("[,\\s]+")) {
            String e = raw.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (e.equals("*")) {
                all = true;
                continue;
            }
            Entry parsed = entry(e);
            if (parsed != null) {
                entries.add(parsed);
            }
        }
        return new NoProxy(all, entries);
    }

    /** True when a request to {@code host} on {@code port} goes directly, not through the proxy. */
    public boolean matches(String host, int port) {
        if (all) {
            return true;
        }
        String h = unbracket(host.toLowerCase(Locale.ROOT));
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        byte[] ip = literal(h);
        for (Entry e : entries) {
            if (e.port() > 0 && e.port() != port) {
                continue;
            }
            if (e.domain() != null && ip == null && (h.equals(e.domain()) || h.endsWith("." + e.domain()))) {
                return true;
            }
            if (e.address() != null && ip != null && inRange(ip, e.address(), e.prefixBits())) {
                return true;
            }
        }
        return false;
    }

    private static Entry entry(String e) {
        int port = -1;
        String hostPart = e;
        if (e.startsWith("[")) { // [v6] or [v6]:port
            int close = e.indexOf(']');
            if (close < 0) {
                return null;
            }
            hostPart = e.substring(1, close);
            if (e.length() > close + 1) {
                if (e.charAt(close + 1) != ':') {
                    return null;
                }
                port = port(e.substring(close + 2));
            }
        } else if (e.indexOf(':') >= 0 && e.indexOf(':') == e.lastIndexOf(':')) { // name:port or v4:port
            int colon = e.indexOf(':');
            hostPart = e.substring(0, colon);
            port = port(e.substring(colon + 1));
        }
        if (port == 0) {
            return null;
        }
        int slash = hostPart.indexOf('/');
        String addressText = slash < 0 ? hostPart : hostPart.substring(0, slash);
        byte[] address = literal(addressText);
        if (address != null) {
            int bits = address.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(hostPart.substring(slash + 1));
                } catch (NumberFormatException ex) {
                    return null;
                }
                if (bits < 0 || bits > address.length * 8) {
                    return null;
                }
            }
            return new Entry(null, address, bits, port);
        }
        String domain = hostPart;
        if (domain.startsWith("*.")) {
            domain = domain.substring(2);
        } else if (domain.startsWith(".")) {
            domain = domain.substring(1);
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        return domain.isEmpty() || domain.contains("/") ? null : new Entry(domain, null, 0, port);
    }

    private static int port(String s) {
        try {
            int p = Integer.parseInt(s);
            return p > 0 && p < 65536 ? p : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String unbracket(String h) {
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /** The bytes of an IP literal, or null for a name (never resolved). */
    static byte[] literal(String s) {
        boolean v4 = IPV4.matcher(s).matches()
                && java.util.Arrays.stream(s.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255);
        boolean v6 =
                s.indexOf(':') >= 0 && s.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress(); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean inRange(byte[] ip, byte[] net, int bits) {
        if (ip.length != net.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((ip[i / 8] & mask) != (net[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
