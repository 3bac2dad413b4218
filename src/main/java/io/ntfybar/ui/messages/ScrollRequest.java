package io.ntfybar.ui.messages;

/**
 * What the list view should do after the list changed under it. Immutable; {@code serial} makes every request a new
 * value.
 *
 * @param index the item to bring to the top (KEEP: the item the user was reading, now at this index)
 * @param mode how
 */
public record ScrollRequest(int index, Mode mode, long serial) {
    public enum Mode {
        /** New messages went in above: keep {@code index} where the first visible item was, at the same offset. */
        KEEP_ANCHOR,
        /** Show the top of the list (the user was at the top when new messages came). */
        TOP,
        /** Scroll to {@code index} and select it (a jump to a message). */
        SELECT
    }
}
