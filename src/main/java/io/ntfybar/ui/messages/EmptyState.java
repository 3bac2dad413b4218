package io.ntfybar.ui.messages;

/**
 * What the message area says when it has nothing to list. Immutable.
 *
 * @param kind which situation; decides the button
 * @param title one line
 * @param detail what happened and what to do
 */
public record EmptyState(Kind kind, String title, String detail) {
    public enum Kind {
        LOADING,
        NO_SUBSCRIPTIONS,
        NO_MESSAGES,
        NO_RESULTS,
        /** The subscription has a problem (needs login, forbidden, ...): the button opens its settings. */
        PROBLEM
    }
}
