package io.ntfybar.backup;

import io.ntfybar.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The settings side of one import, saved at once at the end: every change (a login's name, a certificate's path, a
 * preference) is queued with what undoes its other half (the keychain entry, the written file) should the save fail,
 * so an import never leaves a password or certificate file that no setting names. One thread.
 */
final class PendingSettings {
    private record Change(String what, UnaryOperator<Settings> change, Runnable undo, Runnable onSaved) {}

    private final List<Change> changes = new ArrayList<>();

    /** The settings as they will be once the queued changes are saved. */
    Settings preview(Settings base) {
        Settings s = base;
        for (Change c : changes) {
            s = c.change().apply(s);
        }
        return s;
    }

    /**
     * Queues {@code change} when the settings accept it (it is tried on {@link #preview} first).
     *
     * @param what the thing imported, for the report if it cannot be saved
     * @param undo what removes the rest of it (a keychain entry, a file) when the settings cannot be saved
     * @param onSaved counts it in the report once saved
     * @return the reason it was refused, or null when it is queued
     */
    String add(Settings base, String what, UnaryOperator<Settings> change, Runnable undo, Runnable onSaved) {
        try {
            change.apply(preview(base));
        } catch (IllegalArgumentException e) {
            undo.run();
            return e.getMessage();
        }
        changes.add(new Change(what, change, undo, onSaved));
        return null;
    }

    /** Saves every queued change in one write; when that fails, undoes them all and reports each as skipped. */
    void commit(LocalState state, ImportReport report) {
        if (changes.isEmpty()) {
            return;
        }
        try {
            state.updateSettings().apply(this::preview);
            changes.forEach(c -> c.onSaved().run());
        } catch (RuntimeException e) {
            for (int i = changes.size() - 1; i >= 0; i--) {
                runQuietly(changes.get(i).undo());
            }
            String why = "the settings could not be saved (" + e.getMessage() + ")";
            changes.forEach(c -> report.skip(c.what(), why));
        }
        changes.clear();
    }

    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // Best effort: what is left behind is unused, and the report says the import of it failed.
        }
    }
}
