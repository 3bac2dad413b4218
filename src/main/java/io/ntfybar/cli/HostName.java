package io.ntfybar.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This computer's name for message titles, found without a DNS lookup where possible (a lookup can hang for seconds
 * on a machine whose own name does not resolve): {@code HOSTNAME} or {@code COMPUTERNAME} when exported, Linux's
 * {@code /proc/sys/kernel/hostname}, then Java's local host name.
 */
final class HostName {
    private HostName() {}

    static String get() {
        for (String var : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String v = System.getenv(var);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        try {
            Path proc = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(proc)) {
                String v = Files.readString(proc, StandardCharsets.UTF_8).strip();
                if (!v.isEmpty()) {
                    return v;
                }
            }
        } catch (IOException e) {
            // not Linux, or not readable: ask Java
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "this computer";
        }
    }
}
