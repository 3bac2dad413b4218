package io.ntfybar.notify.fallback;

import io.ntfybar.notify.NotificationListener;
import io.ntfybar.notify.Notifier;
import io.ntfybar.render.NotificationSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * macOS fallback when ntfybar does not run from its {@code .app} bundle: {@code osascript -e 'display notification
 * ...'}. Title, subtitle, body and sound only; no buttons, no click callback, and the notification belongs to Script
 * Editor, not to ntfybar. The script is passed as one argument through {@link ProcessBuilder} (no shell), and every
 * interpolated string is made a safe AppleScript string literal by {@link #literal}.
 */
public final class OsascriptNotifier implements Notifier {
    private static final Logger log = LoggerFactory.getLogger(OsascriptNotifier.class);

    public static final String OSASCRIPT = "/usr/bin/osascript";
    private static final long TIMEOUT_SECONDS = 10;

    private final String command;
    private final ExecutorService executor;
    private volatile boolean closed;

    /** With {@code /usr/bin/osascript}. */
    public OsascriptNotifier() {
        this(OSASCRIPT);
    }

    /** With the given osascript executable (a test points it at a recording script). */
    public OsascriptNotifier(String command) {
        this.command = Objects.requireNonNull(command, "command");
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ntfybar-osascript");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return "osascript (macOS, without the app bundle)";
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.TEXT_ONLY;
    }

    /** Usable when the command is an executable file (it is on every macOS). */
    @Override
    public Availability availability() {
        return Files.isExecutable(Path.of(command))
                ? Availability.OK
                : Availability.unusable("osascript was not found at " + command);
    }

    @Override
    public void setListener(NotificationListener listener) {
        // Nothing is ever reported: osascript notifications have no callbacks.
    }

    @Override
    public void show(NotificationSpec spec) {
        if (spec == null || closed) {
            return;
        }
        List<String> argv = List.of(command, "-e", script(spec));
        try {
            executor.execute(() -> run(argv));
        } catch (RejectedExecutionException e) {
            log.debug("osascript: notification after close");
        }
    }

    private static void run(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                log.warn("osascript: no exit after {} s", TIMEOUT_SECONDS);
            } else if (p.exitValue() != 0) {
                log.warn("osascript: exit {}", p.exitValue());
            }
        } catch (IOException e) {
            log.warn("osascript: cannot run {}: {}", argv.get(0), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Does nothing: an osascript notification cannot be removed. */
    @Override
    public void withdraw(String identity) {}

    @Override
    public void close() {
        closed = true;
        executor.shutdown();
    }

    /** The AppleScript for a spec. */
    static String script(NotificationSpec spec) {
        StringBuilder s = new StringBuilder("display notification ")
                .append(literal(spec.body()))
                .append(" with title ")
                .append(literal(spec.title()));
        if (spec.subtitle() != null) {
            s.append(" subtitle ").append(literal(spec.subtitle()));
        }
        if (spec.sound() != null) {
            // "default" is not a sound name in AppleScript; any name in ~/Library/Sounds or /System/Library/Sounds is.
            String name = NotificationSpec.DEFAULT_SOUND.equals(spec.sound()) ? "Glass" : spec.sound();
            s.append(" sound name ").append(literal(name));
        }
        return s.toString();
    }

    /**
     * A double-quoted AppleScript string literal of {@code text}: backslash and double quote escaped, every control
     * character (newlines included) turned into a space so the literal cannot end early or span lines.
     */
    static String literal(String text) {
        String t = text == null ? "" : text;
        StringBuilder b = new StringBuilder(t.length() + 2).append('"');
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\' || c == '"') {
                b.append('\\').append(c);
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
