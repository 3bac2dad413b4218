package io.ntfybar.actions;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens links with the platform's opener program, started directly through {@link ProcessBuilder} (never through a
 * shell, so nothing in the link is interpreted): {@code open <link>} on macOS, {@code xdg-open <link>} on Linux and
 * other Unixes, {@code rundll32 url.dll,FileProtocolHandler <link>} on Windows. The link is always exactly one
 * argument, in its ASCII form, and it is checked again with {@link LinkPolicy} before anything runs.
 *
 * <p>The returned stage completes when the opener exits, or after a grace period while it is still running (some
 * {@code xdg-open} set-ups run the browser in the foreground): a non-zero exit status within the grace period is a
 * failure ("xdg-open could not open the link (exit status 4)"), an opener still running counts as success. The
 * opener's output is discarded. Thread-safe.
 */
public final class SystemLinkOpener implements LinkOpener {
    private static final Logger log = LoggerFactory.getLogger(SystemLinkOpener.class);

    /** How long to wait for the opener's exit status by default. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(3);

    private final List<String> command;
    private final Duration grace;

    /** The platform's opener for this JVM's {@code os.name}. */
    public SystemLinkOpener() {
        this(platformCommand(System.getProperty("os.name", "")), DEFAULT_GRACE);
    }

    /**
     * A given opener command, for tests or other desktops: the link is appended as one more argument.
     *
     * @param command the program and its first arguments, e.g. {@code ["xdg-open"]}; not empty
     * @param grace how long to wait for the opener's exit status before reporting success
     */
    public SystemLinkOpener(List<String> command, Duration grace) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the opener command is empty");
        }
        this.command = List.copyOf(command);
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    /** The opener command for an {@code os.name} value: open, rundll32 url.dll,FileProtocolHandler or xdg-open. */
    public static List<String> platformCommand(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return List.of("open");
        }
        if (os.startsWith("windows")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler");
        }
        return List.of("xdg-open");
    }

    /** The command this opener runs, without the link. */
    public List<String> command() {
        return command;
    }

    @Override
    public CompletionStage<ActionResult> open(URI link) {
        LinkPolicy.Decision decision = LinkPolicy.decide(link);
        if (!decision.isOpen()) {
            return CompletableFuture.completedFuture(ActionResult.failed(decision.reason()));
        }
        List<String> argv = new ArrayList<>(command);
        argv.add(decision.uri().toASCIIString());
        String program = command.get(0);
        Process process;
        try {
            process = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not start the link opener {}: {}", program, e.toString());
            return CompletableFuture.completedFuture(
                    ActionResult.failed("could not start " + program + " to open the link: " + e.getMessage()));
        }
        String opened = "opened " + host(decision.uri()) + " with " + program;
        return process.onExit()
                .orTimeout(grace.toMillis(), TimeUnit.MILLISECONDS)
                .handle((p, timeout) -> {
                    if (timeout != null) {
                        return ActionResult.ok(ActionResult.NO_STATUS, opened);
                    }
                    int exit = p.exitValue();
                    if (exit != 0) {
                        log.info("The link opener {} exited with status {}", program, exit);
                        return ActionResult.failed(program + " could not open the link (exit status " + exit + ")");
                    }
                    return ActionResult.ok(ActionResult.NO_STATUS, opened);
                });
    }

    private static String host(URI uri) {
        return uri.getHost() != null ? uri.getHost() : "the " + uri.getScheme().toLowerCase(Locale.ROOT) + " link";
    }
}
