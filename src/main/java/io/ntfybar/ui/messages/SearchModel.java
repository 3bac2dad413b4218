package io.ntfybar.ui.messages;

import io.ntfybar.model.StoredMessage;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.StoreException;
import io.ntfybar.ui.UiThreads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Search across every subscription: the query is run a short moment after the user stops typing, on the I/O thread;
 * only the answer to the latest query is shown. FX thread only.
 */
public final class SearchModel {
    static final int LIMIT = 200;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ntfybar-search-debounce");
        t.setDaemon(true);
        return t;
    });

    private final H2MessageStore store;
    private final UiThreads threads;
    private final Function<StoredMessage, MessageItem> items;
    private final Duration debounce;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<MessageItem> results = FXCollections.observableArrayList();
    private final BooleanProperty searching = new SimpleBooleanProperty(this, "searching");
    private final StringProperty error = new SimpleStringProperty(this, "error");
    private final BooleanBinding active =
            Bindings.createBooleanBinding(() -> !query.get().isBlank(), query);
    private ScheduledFuture<?> pending;
    private long serial;

    SearchModel(
            H2MessageStore store, UiThreads threads, Function<StoredMessage, MessageItem> items, Duration debounce) {
        this.store = store;
        this.threads = threads;
        this.items = items;
        this.debounce = debounce;
        query.addListener((o, was, now) -> schedule(now == null ? "" : now));
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<MessageItem> results() {
        return results;
    }

    public BooleanProperty searchingProperty() {
        return searching;
    }

    /** True while there is a query: the list shows results instead of the subscription's messages. */
    public BooleanBinding activeProperty() {
        return active;
    }

    /** A sentence when the search failed, else null. */
    public StringProperty errorProperty() {
        return error;
    }

    private void schedule(String q) {
        long mine = ++serial;
        if (pending != null) {
            pending.cancel(false);
        }
        if (q.isBlank()) {
            results.clear();
            searching.set(false);
            return;
        }
        searching.set(true);
        if (debounce.isZero()) {
            run(q, mine);
        } else {
            pending = TIMER.schedule(
                    () -> threads.fx().execute(() -> run(q, mine)), debounce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void run(String q, long mine) {
        if (mine != serial) {
            return;
        }
        threads.io().execute(() -> {
            List<MessageItem> found;
            String problem = null;
            try {
                found = store.search(q, LIMIT).stream().map(items).toList();
            } catch (StoreException e) {
                found = List.of();
                problem = e.getMessage();
            }
            List<MessageItem> answer = found;
            String failed = problem;
            threads.fx().execute(() -> {
                if (mine == serial) {
                    results.setAll(answer);
                    error.set(failed);
                    searching.set(false);
                }
            });
        });
    }
}
