package io.ntfybar.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A private ntfybar home for in-process CLI tests: {@code ntfybar.home} and ntfy's client.yml path point into a temp
 * folder while it is open, and back to what they were after. Runs commands with captured stdout and stderr.
 */
final class CliHome implements AutoCloseable {
    private final Path root;
    private final String oldHome;
    private final String oldNtfyConfig;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    CliHome(Path root) {
        this.root = root;
        oldHome = System.getProperty("ntfybar.home");
        oldNtfyConfig = System.getProperty("ntfybar.ntfy-config");
        System.setProperty("ntfybar.home", root.toString());
        System.setProperty("ntfybar.ntfy-config", ntfyConfig().toString());
    }

    /** Writes settings.yml. */
    CliHome settings(String yaml) {
        return write(root.resolve("config/settings.yml"), yaml);
    }

    /** Writes ntfy's client.yml at the place ntfybar looks for it. */
    CliHome ntfyClientConfig(String yaml) {
        return write(ntfyConfig(), yaml);
    }

    Path ntfyConfig() {
        return root.resolve("ntfy/client.yml");
    }

    private CliHome write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Runs {@code ntfybar args...} with empty standard input; returns the exit code. */
    int run(String... args) {
        return runWithInput(null, args);
    }

    /** Runs with {@code stdin} (null: none) as standard input. */
    int runWithInput(byte[] stdin, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return NtfybarCommand.run(
                stdin == null ? java.io.InputStream.nullInputStream() : new ByteArrayInputStream(stdin),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                args);
    }

    String out() {
        return out.toString().strip();
    }

    String err() {
        return err.toString().strip();
    }

    @Override
    public void close() {
        restore("ntfybar.home", oldHome);
        restore("ntfybar.ntfy-config", oldNtfyConfig);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
