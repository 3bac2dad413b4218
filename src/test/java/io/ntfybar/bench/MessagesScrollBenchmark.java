package io.ntfybar.bench;

import io.ntfybar.model.Action;
import io.ntfybar.model.Message;
import io.ntfybar.model.Subscription;
import io.ntfybar.ui.FxTests;
import io.ntfybar.ui.RecordingWindows;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import io.ntfybar.ui.Windows;
import io.ntfybar.ui.messages.MessageListModel;
import io.ntfybar.ui.messages.MessagesWindow;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

/**
 * Scrolling the Messages window through 100,000 stored messages of one subscription, a viewport at a time, on a real
 * X server (run it on Xvfb with {@code -Dglass.platform=gtk -Dprism.order=sw}); beside it, in the same run, the same
 * scroll over a plain {@code ListView} of 100,000 preloaded strings. Prints time to first paint, per-step times (the
 * scroll call to the end of the pulse that laid it out, plus a {@code runLater} round trip), pages read, and heap.
 */
public final class MessagesScrollBenchmark {
    static final int COUNT = 100_000;

    /** The theme's looked-up colours (the app's base.css is not on this branch); without them every cell logs. */
    static final String THEME = "data:text/css;base64,"
            + java.util.Base64.getEncoder()
                    .encodeToString((".root { -nb-bg: #ffffff; -nb-fg: #1f2328; -nb-muted: #6e7781;"
                                    + " -nb-accent: #338574; -nb-unread: #338574; -nb-error: #c62828; -nb-ok: #2e7d32;"
                                    + " -nb-sidebar-bg: #f3f5f7; -nb-selection: #d7ebe6; -nb-priority-high: #e65100;"
                                    + " -nb-priority-max: #c62828; }")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private MessagesScrollBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : COUNT;
        Path home = Files.createTempDirectory("ntfybar-scroll-bench");
        try (TestCore t = TestCore.start(home)) {
            Subscription s = t.core.subscriptions().add(Subscription.of(t.server.baseUrl(), "bench"));
            long fill = System.nanoTime();
            fill(t, s, count);
            System.out.printf(Locale.ROOT, "stored %,d messages in %.1f s%n", count, (System.nanoTime() - fill) / 1e9);
            FxTests.startToolkit();

            Result baseline = baseline(count);
            Result window = window(t, s);
            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "%-34s %10s %7s %8s %8s %8s %7s %7s %9s%n",
                    "scenario",
                    "1st paint",
                    "steps",
                    "p50 ms",
                    "p99 ms",
                    "max ms",
                    "stalls",
                    "pages",
                    "heap MB");
            for (Result r : List.of(baseline, window)) {
                System.out.printf(
                        Locale.ROOT,
                        "%-34s %8.0f ms %7d %8.2f %8.2f %8.1f %7d %7s %9.0f%n",
                        r.name,
                        r.firstPaintMs,
                        r.steps.length,
                        pct(r.steps, 50),
                        pct(r.steps, 99),
                        pct(r.steps, 100),
                        r.stalls,
                        r.pages < 0 ? "-" : String.valueOf(r.pages),
                        r.heapMb);
            }
            System.out.printf(
                    Locale.ROOT,
                    "JavaFX %s, %s, prism.order=%s, glass=%s, Java %s%n",
                    System.getProperty("javafx.runtime.version"),
                    System.getProperty("os.name"),
                    System.getProperty("prism.order"),
                    System.getProperty("glass.platform"),
                    System.getProperty("java.version"));
        }
        Platform.exit();
        System.exit(0);
    }

    record Result(String name, double firstPaintMs, double[] steps, int stalls, int pages, double heapMb) {}

    private static void fill(TestCore t, Subscription s, int count) {
        long start = System.currentTimeMillis() / 1000 - count * 30L;
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean markdown = i % 10 == 0;
            String body = markdown
                    ? "**Job " + i + "** finished:\n\n- step one took `" + (i % 97)
                            + " s`\n- see https://ci.example.com/" + i
                    : "Message number " + i + " from the benchmark, long enough to wrap on a narrow window perhaps.";
            batch.add(new Message(
                    String.format(Locale.ROOT, "b%011d", i),
                    start + i * 30L,
                    null,
                    "message",
                    "bench",
                    i % 3 == 0 ? null : "Title " + i,
                    body,
                    1 + i % 5,
                    i % 4 == 0 ? List.of("warning", "host-" + (i % 7)) : List.of(),
                    i % 9 == 0 ? "https://example.com/" + i : null,
                    null,
                    i % 6 == 0 ? List.of(Action.view("Open", "https://example.com/" + i, false)) : List.of(),
                    null,
                    null,
                    markdown ? Message.MARKDOWN : null,
                    null,
                    null));
            if (batch.size() == 2000) {
                t.core.messages().store(s.id(), batch, false);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            t.core.messages().store(s.id(), batch, false);
        }
    }

    private static Result window(TestCore t, Subscription s) throws Exception {
        Windows none = new RecordingWindows();
        MessagesWindow w = FxTests.onFx(() -> new MessagesWindow(t.core, none, UiThreads.standard()));
        Pulses pulses = new Pulses();
        long t0 = System.nanoTime();
        Stage stage = FxTests.onFx(() -> {
            Stage st = w.stage();
            st.setWidth(1100);
            st.setHeight(760);
            pulses.attach(st.getScene());
            st.getScene().getStylesheets().add(0, THEME);
            w.show(s.id(), 0);
            return st;
        });
        @SuppressWarnings("unchecked")
        ListView<Object> list =
                (ListView<Object>) FxTests.onFx(() -> stage.getScene().lookup("#messages"));
        double firstPaint = pulses.firstPaint(list, t0);
        MessageListModel model = FxTests.onFx(() -> w.viewModel().list());
        Result r = scroll(
                "Messages window, 100k stored",
                list,
                pulses,
                firstPaint,
                () -> model.exhaustedProperty().get()
                        && !model.loadingProperty().get(),
                () -> model.pagesLoaded());
        FxTests.onFx(stage::hide);
        return r;
    }

    private static Result baseline(int count) throws Exception {
        Pulses pulses = new Pulses();
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add("Message number " + i + " from the benchmark");
        }
        long t0 = System.nanoTime();
        Stage stage = FxTests.onFx(() -> {
            ListView<String> lv = new ListView<>(FXCollections.observableArrayList(strings));
            lv.setId("baseline");
            Stage st = new Stage();
            st.setScene(new Scene(lv, 1100, 760));
            pulses.attach(st.getScene());
            st.show();
            return st;
        });
        @SuppressWarnings("unchecked")
        ListView<Object> list =
                (ListView<Object>) FxTests.onFx(() -> stage.getScene().lookup("#baseline"));
        double firstPaint = pulses.firstPaint(list, t0);
        Result r = scroll("ListView of 100k strings (baseline)", list, pulses, firstPaint, () -> true, () -> -1);
        FxTests.onFx(stage::hide);
        return r;
    }

    /** Scrolls a viewport at a time until the last item shows; a step that cannot move waits for the next page. */
    private static Result scroll(
            String name,
            ListView<Object> list,
            Pulses pulses,
            double firstPaint,
            BooleanSupplier allLoaded,
            java.util.function.IntSupplier pages)
            throws Exception {
        @SuppressWarnings("unchecked")
        VirtualFlow<IndexedCell<?>> flow =
                (VirtualFlow<IndexedCell<?>>) FxTests.onFx(() -> list.lookup(".virtual-flow"));
        double viewport = FxTests.onFx(() -> flow.getHeight());
        List<Double> steps = new ArrayList<>();
        int stalls = 0;
        int decile = 0;
        int decileStart = 0;
        while (true) {
            double before = FxTests.onFx(flow::getPosition);
            steps.add(pulses.step(() -> flow.scrollPixels(viewport)));
            int top = FxTests.onFx(() -> flow.getFirstVisibleCell() == null
                    ? 0
                    : flow.getFirstVisibleCell().getIndex());
            if (top * 10L / COUNT > decile) {
                double[] d = steps.subList(decileStart, steps.size()).stream()
                        .mapToDouble(Double::doubleValue)
                        .toArray();
                System.out.printf(
                        Locale.ROOT,
                        "  %s: down to item %,d: %d steps, p50 %.1f ms, p99 %.1f ms%n",
                        name,
                        top,
                        d.length,
                        pct(d, 50),
                        pct(d, 99));
                decile = (int) (top * 10L / COUNT);
                decileStart = steps.size();
            }
            boolean atEnd = FxTests.onFx(() -> {
                IndexedCell<?> last = flow.getLastVisibleCell();
                return last != null && last.getIndex() == list.getItems().size() - 1;
            });
            if (atEnd) {
                if (FxTests.onFx(allLoaded::getAsBoolean)) {
                    break;
                }
                if (FxTests.onFx(flow::getPosition) == before) {
                    stalls++;
                    Thread.sleep(1); // the next page is on its way
                }
            }
        }
        System.gc();
        Thread.sleep(200);
        System.gc();
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
        double[] a = steps.stream().mapToDouble(Double::doubleValue).toArray();
        int p = FxTests.onFx(pages::getAsInt);
        System.out.printf(Locale.ROOT, "%s: %d steps, %d items%n", name, a.length, FxTests.onFx(() -> list.getItems()
                .size()));
        return new Result(name, firstPaint, a, stalls, p, heap);
    }

    private static double pct(double[] values, int p) {
        double[] s = values.clone();
        Arrays.sort(s);
        if (p >= 100) {
            return s[s.length - 1];
        }
        return s[(int) Math.min(s.length - 1, Math.ceil(p / 100.0 * s.length) - 1)];
    }

    /** One post-layout pulse listener per scene that completes whatever waits for the next pulse. */
    private static final class Pulses {
        private volatile CompletableFuture<Long> next;

        void attach(Scene scene) {
            scene.addPostLayoutPulseListener(() -> {
                CompletableFuture<Long> f = next;
                if (f != null) {
                    next = null;
                    long at = System.nanoTime();
                    // complete after the pulse (rendering included) with a runLater round trip
                    Platform.runLater(() -> f.complete(at));
                }
            });
        }

        /** Runs the scroll on the FX thread; ms until its pulse was laid out and the FX thread was free again. */
        double step(Runnable scroll) throws Exception {
            CompletableFuture<Long> f = new CompletableFuture<>();
            CompletableFuture<Long> start = new CompletableFuture<>();
            Platform.runLater(() -> {
                next = f;
                start.complete(System.nanoTime());
                scroll.run();
                Platform.requestNextPulse();
            });
            f.get(30, TimeUnit.SECONDS);
            long done = FxTests.onFx(System::nanoTime);
            return (done - start.get()) / 1e6;
        }

        /** ms from {@code t0} until a pulse laid out the list with its first item showing. */
        double firstPaint(ListView<Object> list, long t0) throws Exception {
            while (true) {
                CompletableFuture<Long> f = new CompletableFuture<>();
                Platform.runLater(() -> {
                    next = f;
                    Platform.requestNextPulse();
                });
                f.get(30, TimeUnit.SECONDS);
                boolean painted = FxTests.onFx(() -> {
                    VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
                    IndexedCell<?> c = flow == null ? null : flow.getFirstVisibleCell();
                    return c != null && c.getItem() != null;
                });
                if (painted) {
                    return (FxTests.onFx(System::nanoTime) - t0) / 1e6;
                }
            }
        }
    }
}
