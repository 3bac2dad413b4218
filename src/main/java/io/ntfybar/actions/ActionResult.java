package io.ntfybar.actions;

import java.util.Objects;

/**
 * The outcome of an action the user clicked: an {@code http} request ({@link HttpActionRunner}) or opening a link
 * ({@link LinkOpener}). Problems are results, not exceptions: {@link #message()} is a short sentence for people, to
 * show next to the button or in the message (ntfy's Android app appends action errors to the message text).
 *
 * @param success true only for an answer with a 2xx status, or a link handed to the system's opener
 * @param status the HTTP status of the answer, or -1 when there was none (refused, unreachable, timed out, links)
 * @param message a short sentence, e.g. "HTTP 500 Internal Server Error from example.com", "timed out after 15 s",
 *     "HTTP 200 OK from example.com"; never null
 */
public record ActionResult(boolean success, int status, String message) {
    public static final int NO_STATUS = -1;

    public ActionResult {
        Objects.requireNonNull(message, "message");
    }

    static ActionResult ok(int status, String message) {
        return new ActionResult(true, status, message);
    }

    static ActionResult failed(int status, String message) {
        return new ActionResult(false, status, message);
    }

    static ActionResult failed(String message) {
        return new ActionResult(false, NO_STATUS, message);
    }
}
