package io.ntfybar.ui.tray;

import java.util.List;

/** One entry of the tray menu, independent of the toolkit that draws it (AWT today). */
public sealed interface TrayEntry {
    /** A clickable item; a null command makes it a disabled line of information. */
    record Item(String label, TrayCommand command) implements TrayEntry {
        public boolean enabled() {
            return command != null;
        }
    }

    record Submenu(String label, List<TrayEntry> entries) implements TrayEntry {}

    record Separator() implements TrayEntry {}
}
