package io.ntfybar.cli;

import io.ntfybar.model.Message;
import io.ntfybar.protocol.MessageCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command of {@code subscribe TOPIC COMMAND}, run for one message as ntfy's own CLI does: through {@code sh -c}
 * ({@code cmd /c} on Windows), with the message's fields in its environment ({@code NTFY_MESSAGE}, {@code $m}, ...).
 * The message reaches the command only through the environment, never through the command text, so whatever a
 * publisher writes ({@code $(rm -rf ~)}, {@code "; reboot}) stays data. Stateless; {@link #run} blocks the calling
 * thread until the command has exited.
 */
final class MessageCommand {
    /** Each variable with its short aliases, as ntfy names them. */
    static final List<List<String>> NAMES = List.of(
            List.of("NTFY_ID", "id"),
            List.of("NTFY_TIME", "time"),
            List.of("NTFY_TOPIC", "topic"),
            List.of("NTFY_MESSAGE", "message", "m"),
            List.of("NTFY_TITLE", "title", "t"),
            List.of("NTFY_PRIORITY", "priority", "prio", "p"),
            List.of("NTFY_TAGS", "tags", "tag", "ta"),
            List.of("NTFY_RAW", "raw"));

    /** How long the output of an exited command may still be copied before the next message's command starts. */
    private static final long DRAIN_MILLIS = 2_000;

    private static final Pattern WINDOWS_VARIABLE = Pattern.compile("%([A-Za-z_]+)%");

    private MessageCommand() {}

    /** The variables for {@code m}: every name and alias of {@link #NAMES}, absent fields as empty strings. */
    static Map<String, String> environment(Message m) {
        List<String> values = List.of(
                m.id(),
                Long.toString(m.time()),
                m.topic(),
                nullToEmpty(m.message()),
                nullToEmpty(m.title()),
                Integer.toString(m.priority()),
                String.join(",", m.tags()),
                MessageCodec.encode(m));
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            // An environment value cannot hold NUL; everything else passes unchanged.
            String value = values.get(i).replace("\u0000", "");
            for (String name : NAMES.get(i)) {
                env.put(name, value);
            }
        }
        return env;
    }

    /**
     * The process to start: {@code sh -c COMMAND}, or on Windows {@code cmd /d /v:on /c COMMAND} with the message
     * variables written {@code %NAME%} turned into delayed {@code !NAME!} references, because {@code cmd} pastes
     * {@code %NAME%} into the command line before parsing it, where a message's {@code &} or {@code |} would run.
     */
    static List<String> shell(String command, boolean windows) {
        if (!windows) {
            return List.of("sh", "-c", command);
        }
        return List.of("cmd.exe", "/d", "/v:on", "/c", delayedExpansion(command));
    }

    static String delayedExpansion(String command) {
        Matcher m = WINDOWS_VARIABLE.matcher(command);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            boolean ours = NAMES.stream().flatMap(List::stream).anyMatch(n -> n.equalsIgnoreCase(m.group(1)));
            m.appendReplacement(b, Matcher.quoteReplacement(ours ? "!" + m.group(1) + "!" : m.group()));
        }
        m.appendTail(b);
        return b.toString();
    }

    static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * Runs {@code command} for {@code m} with an empty stdin, copying its stdout and stderr to {@code out} and
     * {@code err} (each chunk written and flushed while holding {@code lock}), and returns its exit code.
     *
     * @throws IOException when the shell cannot be started
     * @throws InterruptedException when the calling thread is interrupted; the command is stopped first
     */
    static int run(String command, Message m, PrintWriter out, PrintWriter err, Object lock)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(shell(command, windows()));
        pb.environment().putAll(environment(m));
        Process p = pb.start();
        p.getOutputStream().close();
        Thread stdout = copy(p.getInputStream(), Charset.defaultCharset(), out, lock, "ntfybar-command-out");
        Thread stderr = copy(p.getErrorStream(), Charset.defaultCharset(), err, lock, "ntfybar-command-err");
        try {
            int code = p.waitFor();
            // A command that leaves a background job running (`calc &`) keeps the pipes open: do not wait for it.
            stdout.join(DRAIN_MILLIS);
            stderr.join(DRAIN_MILLIS);
            return code;
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            throw e;
        }
    }

    /**
     * Copies a child process's output to ours on a daemon thread of its own, in chunks written under {@code lock} (so
     * stdout and stderr lines do not tear), until the child closes it.
     */
    static Thread copy(InputStream from, Charset charset, PrintWriter to, Object lock, String name) {
        Thread t = new Thread(
                () -> {
                    char[] buf = new char[8192];
                    try (Reader r = new InputStreamReader(from, charset)) {
                        for (int n; (n = r.read(buf)) >= 0; ) {
                            synchronized (lock) {
                                to.write(buf, 0, n);
                                to.flush();
                            }
                        }
                    } catch (IOException e) {
                        // the command ended or was stopped: nothing more to copy
                    }
                },
                name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
