package io.ntfybar.ui.preferences;

import io.ntfybar.dispatch.MuteDuration;
import io.ntfybar.model.Priority;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.settings.ConnectionAlertSettings;
import io.ntfybar.settings.NotificationSettings;
import io.ntfybar.settings.Retention;
import io.ntfybar.settings.Settings;
import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.CoreListener;
import io.ntfybar.ui.LoginItem;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.UiThreads;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Preferences window's state: one property per setting, saved through {@link AppCore#updateSettings} as soon as
 * it changes (no OK button), and refreshed when the settings change elsewhere (e.g. pause from the tray).
 *
 * <p>Threading: use on the FX thread; saving runs on the I/O thread, in order, and reports back through {@code fx}.
 */
public final class PreferencesViewModel {
    public static final List<String> APPEARANCES = List.of(Settings.APPEARANCE_SYSTEM, "light", "dark");
    public static final List<String> AUTO_DOWNLOADS =
            List.of("never", "100k", "500k", "1m", "5m", "10m", "50m", "always");

    private final AppCore core;
    private final UiThreads threads;
    private final UiText text = UiText.of(PreferencesWindow.class);

    // One property per setting, bound two-way by the view; each change is saved. The rest is read-only state.
    public final StringProperty defaultServer = new SimpleStringProperty(this, "defaultServer", "");
    private final StringProperty defaultServerError = new SimpleStringProperty(this, "defaultServerError", "");
    public final ObjectProperty<String> appearance = new SimpleObjectProperty<>(this, "appearance", "system");
    public final BooleanProperty launchAtLogin = new SimpleBooleanProperty(this, "launchAtLogin");
    private final BooleanProperty launchAvailable = new SimpleBooleanProperty(this, "launchAvailable");
    private final StringProperty launchNote = new SimpleStringProperty(this, "launchNote", "");
    public final ObjectProperty<Priority> minPriority = new SimpleObjectProperty<>(this, "minPriority", Priority.MIN);
    private final List<ObjectProperty<String>> sounds = new ArrayList<>();
    private final List<ObservableList<String>> soundChoices = new ArrayList<>();
    public final BooleanProperty insistent = new SimpleBooleanProperty(this, "insistent");
    public final ObjectProperty<Integer> catchUpSummary = new SimpleObjectProperty<>(this, "catchUpSummary", 5);
    public final ObjectProperty<String> autoDownload = new SimpleObjectProperty<>(this, "autoDownload", "1m");
    public final ObjectProperty<Integer> keepDays = new SimpleObjectProperty<>(this, "keepDays", 30);
    public final ObjectProperty<Integer> keepMessages = new SimpleObjectProperty<>(this, "keepMessages", 0);
    private final ObservableList<String> autoDownloadChoices = FXCollections.observableArrayList(AUTO_DOWNLOADS);
    /** Minutes a server must be unreachable before the connection alert; 0 never. */
    public final ObjectProperty<Integer> connectionAlert = new SimpleObjectProperty<>(this, "connectionAlert", 0);

    private final ObservableList<Integer> connectionAlertChoices =
            FXCollections.observableArrayList(ConnectionAlertSettings.CHOICES);
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final StringProperty pauseStatus = new SimpleStringProperty(this, "pauseStatus", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final StringProperty saveError = new SimpleStringProperty(this, "saveError", "");
    private final BackupViewModel backup;

    /** True while properties are set from the settings: those changes are not saves. */
    private boolean applying;

    private boolean listening;
    private String savedServer = "";

    public PreferencesViewModel(AppCore core, UiThreads threads) {
        this.core = core;
        this.threads = threads;
        this.backup = new BackupViewModel(core, threads);
        for (int p = 1; p <= 5; p++) {
            int priority = p;
            ObjectProperty<String> sound = new SimpleObjectProperty<>(this, "sound" + p);
            sounds.add(sound);
            soundChoices.add(FXCollections.observableArrayList(
                    NotificationSettings.NO_SOUND, NotificationSettings.DEFAULT_SOUND));
            onChange(sound, v -> s -> s.withNotifications(withSound(s.notifications(), priority, v)));
        }
        defaultServer.addListener((o, a, b) -> defaultServerError.set(serverError(b)));
        onChange(appearance, v -> s -> s.withAppearance(v));
        launchAtLogin.addListener((o, a, b) -> {
            if (!applying && b != a) {
                switchLaunchAtLogin(b);
            }
        });
        onChange(minPriority, v -> s -> s.withMinPriority(v.level()));
        onChange(insistent, v -> s -> s.withNotifications(s.notifications().withInsistent(v)));
        onChange(catchUpSummary, v -> s -> s.withNotifications(notifications(s.notifications(), v, null)));
        onChange(autoDownload, v -> s -> s.withNotifications(notifications(s.notifications(), null, v)));
        onChange(
                connectionAlert,
                v -> s -> s.withConnectionAlert(s.connectionAlert().withAfterMinutes(v)));
        onChange(
                keepDays,
                v -> s -> s.withRetention(new Retention(v, s.retention().keepMessages())));
        onChange(
                keepMessages,
                v -> s -> s.withRetention(new Retention(s.retention().keepDays(), v)));
    }

    /** Loads the settings in effect (and the settings file's problem, if any) and follows later changes. */
    public void load() {
        boolean subscribe = !listening;
        listening = true;
        threads.io().execute(() -> {
            if (subscribe) {
                core.addListener(new CoreListener() {
                    @Override
                    public void onSettingsChanged(Settings settings) {
                        threads.fx().execute(() -> apply(settings));
                    }
                });
            }
            Settings s = core.settings();
            String trouble = core.settingsProblem().orElse("");
            LoginItem login = core.loginItem();
            Optional<String> unavailable = login.unavailable();
            boolean launches = unavailable.isEmpty() && login.isEnabled();
            String note =
                    unavailable.map(PreferencesText::sentence).or(login::note).orElse("");
            threads.fx().execute(() -> {
                launchAvailable.set(unavailable.isEmpty());
                launchNote.set(note);
                applying = true;
                launchAtLogin.set(launches);
                applying = false;
                problem.set(trouble.isEmpty() ? "" : text.get("problem", trouble));
                savedServer = null; // on showing again, an unsaved (invalid) server typed before is replaced
                apply(s);
            });
        });
    }

    private void apply(Settings s) {
        applying = true;
        try {
            if (!s.defaultServer().equals(savedServer)) {
                savedServer = s.defaultServer();
                defaultServer.set(savedServer);
            }
            appearance.set(s.appearance());
            minPriority.set(Priority.ofLevel(s.minPriority()));
            NotificationSettings n = s.notifications();
            for (int p = 1; p <= 5; p++) {
                String v = n.sounds().getOrDefault(p, p >= 3 ? NotificationSettings.DEFAULT_SOUND : "none");
                if (!soundChoices.get(p - 1).contains(v)) {
                    soundChoices.get(p - 1).add(v);
                }
                sounds.get(p - 1).set(v);
            }
            insistent.set(n.insistent());
            catchUpSummary.set(n.catchUpSummary());
            if (!autoDownloadChoices.contains(n.autoDownload())) {
                // A hand-edited value the choices lack would show as empty; keep it visible as it is.
                autoDownloadChoices.add(n.autoDownload());
            }
            autoDownload.set(n.autoDownload());
            int alertAfter = s.connectionAlert().afterMinutes();
            if (!connectionAlertChoices.contains(alertAfter)) {
                connectionAlertChoices.add(alertAfter); // hand-edited: shown as it is
            }
            connectionAlert.set(alertAfter);
            keepDays.set(s.retention().keepDays());
            keepMessages.set(s.retention().keepMessages());
            long until = n.mutedUntil();
            boolean now = n.isMuted(System.currentTimeMillis() / 1000);
            paused.set(now);
            pauseStatus.set(
                    !now
                            ? text.get("pause.off")
                            : until == NotificationSettings.MUTED_UNTIL_RESUMED
                                    ? text.get("pause.untilResumed")
                                    : text.get("pause.until", PreferencesText.when(until)));
        } finally {
            applying = false;
        }
    }

    /**
     * Switches launch at login in the operating system (the truth, which the user can also change in the system's
     * settings), then records the choice in the settings. A refusal is shown beside the switch, which flips back.
     */
    private void switchLaunchAtLogin(boolean on) {
        threads.io().execute(() -> {
            try {
                LoginItem login = core.loginItem();
                login.setEnabled(on);
                String note = login.note().orElse("");
                core.updateSettings(s -> s.withLaunchAtLogin(on));
                threads.fx().execute(() -> launchNote.set(note));
            } catch (RuntimeException e) {
                threads.fx().execute(() -> {
                    applying = true;
                    launchAtLogin.set(!on);
                    applying = false;
                    launchNote.set(PreferencesText.sentence(e.getMessage()));
                });
            }
        });
    }

    public ReadOnlyBooleanProperty launchAvailableProperty() {
        return launchAvailable;
    }

    public ReadOnlyStringProperty launchNoteProperty() {
        return launchNote;
    }

    /** Saves the default server when it is valid; otherwise its error stays shown and nothing is saved. */
    public void commitDefaultServer() {
        String typed = defaultServer.get() == null ? "" : defaultServer.get().strip();
        String error = serverError(typed);
        defaultServerError.set(error);
        if (!error.isEmpty()) {
            return;
        }
        String value = ServerUrl.of(typed).value();
        if (!value.equals(savedServer)) {
            save(s -> s.withDefaultServer(value));
        }
    }

    /** Pauses every notification for this long, from now. */
    public void pause(MuteDuration d) {
        long until = d.mutedUntil(ZonedDateTime.now());
        save(s -> s.withNotifications(s.notifications().withMutedUntil(until)));
    }

    public void resume() {
        save(s -> s.withNotifications(s.notifications().withMutedUntil(0)));
    }

    private String serverError(String typed) {
        try {
            ServerUrl.of(typed);
            return "";
        } catch (RuntimeException e) {
            return text.get("server.invalid", PreferencesText.sentence(e.getMessage()));
        }
    }

    private <T> void onChange(ObservableValue<T> p, java.util.function.Function<T, UnaryOperator<Settings>> change) {
        p.addListener((o, a, b) -> {
            if (!applying && b != null && !b.equals(a)) {
                save(change.apply(b));
            }
        });
    }

    private void save(UnaryOperator<Settings> change) {
        threads.io().execute(() -> {
            try {
                Settings s = core.updateSettings(change);
                threads.fx().execute(() -> {
                    saveError.set("");
                    if (!problem.get().isEmpty()) {
                        problem.set(text.get("problem.setAside"));
                    }
                    apply(s);
                });
            } catch (RuntimeException e) {
                // SettingsException (cannot write) or a value the settings refuse: say so, show what is in effect.
                Settings current = core.settings();
                String why = e.getMessage();
                threads.fx().execute(() -> {
                    saveError.set(text.get("save.failed", PreferencesText.sentence(why)));
                    apply(current);
                });
            }
        });
    }

    private static NotificationSettings withSound(NotificationSettings n, int priority, String sound) {
        Map<Integer, String> map = new TreeMap<>(n.sounds());
        map.put(priority, sound);
        return new NotificationSettings(n.mutedUntil(), n.catchUpSummary(), n.insistent(), map, n.autoDownload());
    }

    private static NotificationSettings notifications(NotificationSettings n, Integer catchUp, String autoDownload) {
        return new NotificationSettings(
                n.mutedUntil(),
                catchUp != null ? catchUp : n.catchUpSummary(),
                n.insistent(),
                n.sounds(),
                autoDownload != null ? autoDownload : n.autoDownload());
    }

    /** The sound of priority 1 to 5: {@code none}, {@code default} or a sound name from the file. */
    public ObjectProperty<String> soundProperty(int priority) {
        return sounds.get(priority - 1);
    }

    public ObservableList<String> soundChoices(int priority) {
        return soundChoices.get(priority - 1);
    }

    public ReadOnlyStringProperty defaultServerErrorProperty() {
        return defaultServerError;
    }

    public ObservableList<String> autoDownloadChoices() {
        return autoDownloadChoices;
    }

    public ObservableList<Integer> connectionAlertChoices() {
        return connectionAlertChoices;
    }

    public ObservableList<String> appearanceChoices() {
        return FXCollections.observableArrayList(APPEARANCES);
    }

    public ObservableList<Priority> priorityChoices() {
        return FXCollections.observableArrayList(Priority.values());
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused;
    }

    public ReadOnlyStringProperty pauseStatusProperty() {
        return pauseStatus;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError;
    }

    /** The Backup section: import and export. */
    public BackupViewModel backup() {
        return backup;
    }
}
