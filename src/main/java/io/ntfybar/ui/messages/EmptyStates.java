package io.ntfybar.ui.messages;

import io.ntfybar.ui.UiText;
import java.util.Objects;

/** What the message area says when it lists nothing, from the window's state. Pure; FX thread (reads properties). */
final class EmptyStates {
    private static final UiText TEXT = UiText.of(EmptyStates.class);

    private EmptyStates() {}

    static EmptyState of(
            boolean loadedOnce, boolean noSubscriptions, SidebarItem s, boolean loading, SearchModel search) {
        if (search.activeProperty().get()) {
            if (search.searchingProperty().get()) {
                return new EmptyState(EmptyState.Kind.LOADING, TEXT.get("empty.searching"), "");
            }
            return new EmptyState(
                    EmptyState.Kind.NO_RESULTS,
                    TEXT.get("empty.noResults.title"),
                    TEXT.get(
                            "empty.noResults.detail",
                            search.queryProperty().get().strip()));
        }
        if (loadedOnce && noSubscriptions) {
            return new EmptyState(
                    EmptyState.Kind.NO_SUBSCRIPTIONS,
                    TEXT.get("empty.noSubscriptions.title"),
                    TEXT.get("empty.noSubscriptions.detail"));
        }
        if (s != null && s.hasProblem() && s.id() != SidebarItem.ALL) {
            return new EmptyState(
                    EmptyState.Kind.PROBLEM,
                    s.statusText(),
                    Objects.requireNonNullElse(s.problem(), "") + (s.advice() == null ? "" : " " + s.advice()));
        }
        if (!loadedOnce || loading) {
            return new EmptyState(EmptyState.Kind.LOADING, TEXT.get("empty.loading"), "");
        }
        return new EmptyState(
                EmptyState.Kind.NO_MESSAGES,
                TEXT.get("empty.noMessages.title"),
                s == null || s.id() == SidebarItem.ALL
                        ? TEXT.get("empty.noMessagesAll.detail")
                        : TEXT.get("empty.noMessages.detail", s.name()));
    }
}
