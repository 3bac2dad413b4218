package io.ntfybar.ui.tray;

import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.store.StoreUpdate;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.subscribe.TopicProblem;
import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.CoreListener;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.Windows;
import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Menu;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray (macOS menu-bar) icon and its menu, in AWT, so that it runs without JavaFX: JavaFX starts only when a
 * window is first opened ({@link Windows}).
 *
 * <p>Threading: the state is read from the core and menu commands run on one thread of its own
 * ({@code ntfybar-tray}); the icon and menu are changed only on the AWT event thread through
 * {@link EventQueue#invokeLater}; nothing here ever waits for the AWT event thread or for JavaFX.
 */
public final class AwtTray implements CoreListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AwtTray.class);
    /** Events come in bursts (a catch-up of 500 messages); the menu is rebuilt once per burst. */
    private static final long DEBOUNCE_MILLIS = 250;

    private final AppCore core;
    private final TrayIcon icon;
    private final PopupMenu menu = new PopupMenu();
    private final boolean template;
    private final int size;
    private final UiText text = UiText.of(AwtTray.class);
    private final TrayCommands commands;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ntfybar-tray");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pending;
    private TrayIcons.State shownState;

    private AwtTray(AppCore core, Windows windows, boolean template, int size) {
        this.core = core;
        this.template = template;
        this.size = size;
        this.commands = new TrayCommands(core, windows, ZonedDateTime::now);
        this.icon = new TrayIcon(TrayIcons.icon(TrayIcons.State.NORMAL, size, template), "ntfybar", menu);
        icon.setImageAutoSize(true);
        if (!template) {
            // On Linux and Windows a left click opens the messages; macOS opens the menu on any click.
            icon.addMouseListener(new MouseAdapter() {
                @Override
                public void mouseClicked(MouseEvent e) {
                    if (e.getButton() == MouseEvent.BUTTON1) {
                        worker.execute(() -> windows.showMessages(0, 0));
                    }
                }
            });
        }
    }

    /**
     * Adds the icon to the system tray and starts following the core's events; empty when this desktop has no tray
     * (stock GNOME without the AppIndicator extension, a headless session).
     *
     * @param template draw a macOS template image (black plus alpha)
     */
    public static Optional<AwtTray> install(AppCore core, Windows windows, boolean template) {
        if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
            return Optional.empty();
        }
        SystemTray tray = SystemTray.getSystemTray();
        int size = Math.max(16, tray.getTrayIconSize().height);
        AwtTray t = new AwtTray(core, windows, template, size);
        try {
            tray.add(t.icon);
        } catch (AWTException e) {
            LOG.warn("The system tray refused the icon: {}", e.getMessage());
            return Optional.empty();
        }
        core.addListener(t);
        t.refreshNow();
        // Countdowns (a reconnect in 20 s, a mute that ends) change with time alone.
        t.worker.scheduleWithFixedDelay(t::load, 30, 30, TimeUnit.SECONDS);
        return Optional.of(t);
    }

    /** The AWT icon, for the tray-balloon notifier where nothing better shows notifications. */
    public TrayIcon trayIcon() {
        return icon;
    }

    /** Rebuilds the menu soon (once per burst of events). Any thread. */
    public synchronized void refresh() {
        if (pending == null || pending.isDone()) {
            pending = worker.schedule(this::load, DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void refreshNow() {
        worker.execute(this::load);
    }

    private void load() {
        try {
            TrayState state = TrayState.load(core);
            TrayMenuModel model =
                    new TrayMenuModel(text, ServerUrl.of(core.settings().defaultServer()), ZoneId.systemDefault());
            long now = System.currentTimeMillis() / 1000;
            List<TrayEntry> entries = model.build(state, now);
            String tooltip = model.tooltip(state);
            TrayIcons.State iconState = iconState(state, now);
            EventQueue.invokeLater(() -> apply(entries, tooltip, iconState));
        } catch (RuntimeException e) {
            LOG.warn("Could not update the tray menu", e);
        }
    }

    static TrayIcons.State iconState(TrayState s, long now) {
        long paused = s.pausedUntil();
        if (paused == -1 || paused > now) {
            return TrayIcons.State.PAUSED;
        }
        if (s.hasProblem()) {
            return TrayIcons.State.PROBLEM;
        }
        return s.totalUnread() > 0 ? TrayIcons.State.UNREAD : TrayIcons.State.NORMAL;
    }

    /** AWT event thread. */
    private void apply(List<TrayEntry> entries, String tooltip, TrayIcons.State state) {
        menu.removeAll();
        fill(menu, entries);
        icon.setToolTip(tooltip);
        if (state != shownState) {
            icon.setImage(TrayIcons.icon(state, size, template));
            shownState = state;
        }
    }

    private void fill(Menu target, List<TrayEntry> entries) {
        for (TrayEntry e : entries) {
            if (e instanceof TrayEntry.Separator) {
                target.addSeparator();
            } else if (e instanceof TrayEntry.Submenu s) {
                Menu sub = new Menu(s.label());
                fill(sub, s.entries());
                target.add(sub);
            } else if (e instanceof TrayEntry.Item i) {
                MenuItem item = new MenuItem(i.label());
                item.setEnabled(i.enabled());
                if (i.enabled()) {
                    item.addActionListener(a -> worker.execute(() -> {
                        try {
                            commands.run(i.command());
                        } catch (RuntimeException ex) {
                            LOG.warn("The tray command {} failed", i.command(), ex);
                        }
                        load();
                    }));
                }
                target.add(item);
            }
        }
    }

    @Override
    public void onStored(List<StoreUpdate> updates) {
        refresh();
    }

    @Override
    public void onMessagesChanged() {
        refresh();
    }

    @Override
    public void onSubscriptionsChanged() {
        refresh();
    }

    @Override
    public void onConnection(ConnectionState.Report report) {
        refresh();
    }

    @Override
    public void onTopicProblem(TopicProblem problem) {
        refresh();
    }

    @Override
    public void onSettingsChanged(io.ntfybar.settings.Settings settings) {
        refresh();
    }

    @Override
    public void close() {
        core.removeListener(this);
        // Not shutdownNow: an interrupt inside H2 file I/O closes the store (docs/architecture.md, threading).
        worker.shutdown();
        EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }
}
