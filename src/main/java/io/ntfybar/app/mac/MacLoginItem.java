package io.ntfybar.app.mac;

import io.ntfybar.ui.LoginItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Launch at login on macOS. From the installed app on macOS 13 and later: {@code SMAppService mainAppService}, which
 * the user sees and controls in System Settings › General › Login Items. Otherwise (older macOS, or ntfybar running
 * from its jar): a per-user LaunchAgent, {@code ~/Library/LaunchAgents/io.ntfybar.app.plist} with the launcher's
 * command and {@code RunAtLoad}. Thread-safe.
 */
public final class MacLoginItem implements LoginItem {
    static final String LABEL = "io.ntfybar.app";

    private final Optional<ServiceManagement> service;
    private final Path launchAgents;
    private final Optional<List<String>> command;

    MacLoginItem(Optional<ServiceManagement> service, Path launchAgents, Optional<List<String>> command) {
        this.service = service;
        this.launchAgents = launchAgents;
        this.command = command;
    }

    /**
     * For this process: SMAppService when it runs as the installed app bundle ({@code bundled}) on macOS 13+, else a
     * LaunchAgent for {@code command}.
     */
    public static MacLoginItem system(boolean bundled, String userHome, Optional<List<String>> command) {
        Optional<ServiceManagement> sm = Optional.empty();
        if (bundled) {
            try {
                sm = AppleServiceManagement.load(new io.ntfybar.notify.mac.AppleObjcRuntime());
            } catch (RuntimeException | LinkageError e) {
                sm = Optional.empty();
            }
        }
        return new MacLoginItem(sm, Path.of(userHome, "Library", "LaunchAgents"), command);
    }

    Path agentFile() {
        return launchAgents.resolve(LABEL + ".plist");
    }

    @Override
    public Optional<String> unavailable() {
        return service.isPresent() || command.isPresent()
                ? Optional.empty()
                : Optional.of("available when ntfybar runs from its installed app or its jar");
    }

    @Override
    public synchronized boolean isEnabled() {
        if (service.isPresent()) {
            long s = service.get().status();
            return s == ServiceManagement.ENABLED || s == ServiceManagement.REQUIRES_APPROVAL;
        }
        return Files.exists(agentFile());
    }

    @Override
    public Optional<String> note() {
        return service.isPresent() && service.get().status() == ServiceManagement.REQUIRES_APPROVAL
                ? Optional.of("macOS waits for your approval: System Settings › General › Login Items.")
                : Optional.empty();
    }

    @Override
    public synchronized void setEnabled(boolean on) {
        if (service.isPresent()) {
            if (on) {
                service.get().register();
            } else {
                service.get().unregister();
            }
            deleteAgent(); // an agent from before the app was installed would start a second copy
            return;
        }
        if (!on) {
            deleteAgent();
            return;
        }
        List<String> cmd = command.orElseThrow(
                () -> new IllegalStateException(unavailable().orElseThrow()));
        try {
            Files.createDirectories(launchAgents);
            Path tmp = launchAgents.resolve(LABEL + ".plist.tmp");
            Files.writeString(tmp, plist(cmd), StandardCharsets.UTF_8);
            Files.move(tmp, agentFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + agentFile() + ": " + e.getMessage(), e);
        }
    }

    private void deleteAgent() {
        try {
            Files.deleteIfExists(agentFile());
        } catch (IOException e) {
            throw new IllegalStateException("Could not remove " + agentFile() + ": " + e.getMessage(), e);
        }
    }

    /** The LaunchAgent property list: label, the command's words, start at load, as an interactive process. */
    static String plist(List<String> cmd) {
        StringBuilder args = new StringBuilder();
        for (String a : cmd) {
            args.append("\t\t<string>").append(xml(a)).append("</string>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\""
                + " \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                + "<plist version=\"1.0\">\n<dict>\n"
                + "\t<key>Label</key>\n\t<string>" + LABEL + "</string>\n"
                + "\t<key>ProgramArguments</key>\n\t<array>\n" + args + "\t</array>\n"
                + "\t<key>RunAtLoad</key>\n\t<true/>\n"
                + "\t<key>ProcessType</key>\n\t<string>Interactive</string>\n"
                + "</dict>\n</plist>\n";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
