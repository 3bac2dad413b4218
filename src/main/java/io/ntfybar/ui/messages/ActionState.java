package io.ntfybar.ui.messages;

/**
 * What an action button of a message shows: idle, running (an http action in flight), or the outcome ✔/❌ with the
 * reason. Immutable.
 *
 * @param reason why it failed, for the tooltip; null otherwise
 */
public record ActionState(Status status, String reason) {
    public enum Status {
        IDLE,
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    public static final ActionState IDLE = new ActionState(Status.IDLE, null);
    public static final ActionState RUNNING = new ActionState(Status.RUNNING, null);

    public static ActionState of(boolean success, String reason) {
        return success ? new ActionState(Status.SUCCEEDED, null) : new ActionState(Status.FAILED, reason);
    }
}
