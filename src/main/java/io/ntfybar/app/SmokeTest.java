package io.ntfybar.app;

import io.ntfybar.app.logging.LogSetup;
import io.ntfybar.model.Message;
import io.ntfybar.model.PublishRequest;
import io.ntfybar.model.StoredMessage;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.ProtocolException;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.publish.Publisher;
import io.ntfybar.settings.AppPaths;
import io.ntfybar.store.StoreException;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.ui.UiThreads;
import io.ntfybar.ui.fx.FxRuntime;
import io.ntfybar.ui.tray.AwtTray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * {@code ntfybar --smoke-test [SERVER_URL]}: proves that an installed package works, for CI and for the class-data
 * sharing archive the packages build. In a throwaway home folder (never the user's data, and beside a running
 * ntfybar) it starts the app as a user's start does (tray, or the messages window where there is no tray), opens the
 * store, subscribes to a fresh topic on {@code SERVER_URL}, waits until that connection is open, publishes a message
 * there and waits until the store holds it, then opens the messages window (JavaFX) and quits. Prints one line on
 * stdout and returns 0; any failure is one sentence on stderr and exit code 1 (2 for a usage error), all within
 * {@link #LIMIT}. Without a server it checks the rest.
 */
final class SmokeTest {
    static final String FLAG = "--smoke-test";
    static final Duration LIMIT = Duration.ofSeconds(60);

    private final ServerUrl server;
    private final long start = System.nanoTime();
    private final long deadline = start + LIMIT.toNanos();
    private String lastProblem;

    private SmokeTest(ServerUrl server) {
        this.server = server;
    }

    static boolean wanted(String[] args) {
        return args.length > 0 && FLAG.equals(args[0]);
    }

    /** Runs the smoke test; returns the exit code. */
    static int run(String[] args) {
        ServerUrl server = null;
        try {
            if (args.length > 2) {
                throw new ProtocolException("takes at most one argument, the server URL");
            }
            server = args.length == 2 ? ServerUrl.of(args[1]) : null;
        } catch (ProtocolException e) {
            System.err.println(
                    "ntfybar: " + FLAG + " " + e.getMessage() + " (usage: ntfybar " + FLAG + " [SERVER_URL])");
            return 2;
        }
        Path home;
        try {
            home = Files.createTempDirectory("ntfybar-smoke");
        } catch (IOException e) {
            System.err.println("ntfybar: smoke test failed: no temporary folder: " + e.getMessage());
            return 1;
        }
        AppPaths paths = AppPaths.resolve("", home.toString(), Map.of(), home.toString());
        LogSetup.init(paths.logs(), "WARN");
        Thread watchdog = new Thread(
                () -> {
                    try {
                        Thread.sleep(LIMIT.plusSeconds(15).toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.err.println("ntfybar: smoke test failed: it did not end within " + LIMIT.toSeconds()
                            + " s; see the log in " + paths.logs());
                    Runtime.getRuntime().halt(1);
                },
                "ntfybar-smoke-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            System.out.println(new SmokeTest(server).steps(paths));
            deleteTree(home);
            return 0;
        } catch (Failure | StoreException e) {
            System.err.println("ntfybar: smoke test failed: " + e.getMessage() + "; see the log in " + paths.logs());
            return 1;
        } finally {
            watchdog.interrupt();
        }
    }

    private String steps(AppPaths paths) throws Failure {
        DesktopApp.Running app = DesktopApp.start(paths, () -> {});
        try {
            DesktopCore core = app.core();
            List<String> done = new ArrayList<>();
            String shell = app.tray().isPresent() ? "tray icon added" : "no tray, messages window";
            done.add(shell + " and store opened in " + millisSince(start) + " ms");
            long subscriptionId = 0;
            if (server != null) {
                String topic = "ntfybar-smoke-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
                Subscription sub = core.subscriptions().add(Subscription.of(server.value(), topic));
                subscriptionId = sub.id();
                core.subscriptionsChanged();
                long t = System.nanoTime();
                await("a connection to " + server.value(), () -> connected(core, topic));
                done.add("connected to " + server.value() + " in " + millisSince(t) + " ms");
                t = System.nanoTime();
                Message sent = publish(core, topic);
                await("the published message " + sent.id() + " in the store", () -> stored(core, sub, sent));
                done.add("message " + sent.id() + " stored in " + millisSince(t) + " ms");
            }
            long t = System.nanoTime();
            app.windows().showMessages(subscriptionId, 0);
            roundTrip("the messages window (JavaFX)", FxRuntime::run);
            done.add("messages window opened in " + millisSince(t) + " ms");
            java.util.concurrent.CompletableFuture<String> windowClass = new java.util.concurrent.CompletableFuture<>();
            FxRuntime.run(() -> windowClass.complete(FxRuntime.windowClassName()));
            await("the window class", windowClass::isDone);
            done.add("window class " + windowClass.join());
            // The window loads its first page on the UI's I/O thread and shows it on the FX thread: let that finish
            // before the store closes, so that the smoke test quits as quietly as a user does.
            for (int i = 0; i < 3; i++) {
                roundTrip(
                        "the messages window's first page", UiThreads.standard().io()::execute);
                roundTrip("the messages window's first page", FxRuntime::run);
            }
            return "ntfybar smoke test passed: " + String.join(", ", done) + " (" + millisSince(start) + " ms in all)";
        } finally {
            app.tray().ifPresent(AwtTray::close);
            app.core().close();
        }
    }

    /** Whether the topic's connection is open; a reason it is not is kept for the failure sentence. */
    private boolean connected(DesktopCore core, String topic) {
        for (ConnectionState.Report r : core.connections()) {
            if (r.key().server().equals(server) && r.topics().contains(topic)) {
                if (r.state() instanceof ConnectionState.Connected) {
                    return true;
                } else if (r.state() instanceof ConnectionState.BackingOff b) {
                    lastProblem = b.reason();
                } else if (r.state() instanceof ConnectionState.Failed f) {
                    lastProblem = f.reason();
                }
            }
        }
        return false;
    }

    private Message publish(DesktopCore core, String topic) throws Failure {
        try {
            return new Publisher(core.requestsFor(server.value()))
                    .publish(
                            server,
                            core.authFor(server.value()),
                            PublishRequest.to(topic, "ntfybar smoke test").withTitle("ntfybar"));
        } catch (Publisher.PublishException e) {
            throw new Failure("publishing to " + server.value() + " failed: " + e.getMessage());
        }
    }

    private static boolean stored(DesktopCore core, Subscription sub, Message sent) {
        return core.messages().page(sub.id(), null, 20).stream()
                .map(StoredMessage::message)
                .anyMatch(m -> m.id().equals(sent.id()));
    }

    /** Waits until work queued now on {@code executor} has run, and so everything queued there before it. */
    private void roundTrip(String what, Executor executor) throws Failure {
        CountDownLatch done = new CountDownLatch(1);
        executor.execute(done::countDown);
        await(what, () -> done.getCount() == 0);
    }

    private void await(String what, BooleanSupplier done) throws Failure {
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new Failure(what + " did not happen within " + LIMIT.toSeconds() + " s"
                        + (lastProblem == null ? "" : " (" + lastProblem + ")"));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure("interrupted while waiting for " + what);
            }
        }
    }

    private static long millisSince(long t) {
        return (System.nanoTime() - t) / 1_000_000;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is no failure of the app.
        }
    }

    /** A failed step, as a sentence. */
    private static final class Failure extends Exception {
        Failure(String sentence) {
            super(sentence);
        }
    }
}
