package io.ntfybar.protocol;

import java.util.regex.Pattern;

/** The user-facing sentences for {@link NtfyError}: what failed, then what to do. */
final class ErrorAdvice {
    private static final int MAX_SERVER_TEXT = 120;
    private static final Pattern SECRET = Pattern.compile("(?i)\\b(basic|bearer)\\s+\\S+|tk_[A-Za-z0-9]+");
    private static final String TOPIC_RULE = "a topic is 1 to 64 letters, digits, '-' or '_'";

    private ErrorAdvice() {}

    static String sentence(NtfyError e) {
        String known = e.code() == null ? null : byCode(e);
        return known != null ? known : byStatus(e);
    }

    private static String byCode(NtfyError e) {
        return switch (e.code()) {
            case 40101 -> wrongCredentials();
            case 40301 -> forbidden();
            case 40401 -> notFound();
            case 40002 -> "A delayed message cannot be sent with caching turned off. Remove the delay or allow caching.";
            case 40004 -> "The server could not understand the delay. Use a duration such as 30m or 2h, a time "
                    + "such as 'tomorrow, 10am', or a unix time.";
            case 40005 -> "The delay is too short. ntfy needs a delay of at least 10 seconds.";
            case 40006 -> "The delay is too long for this server (3 days by default). Choose an earlier time.";
            case 40007 -> "The priority is not valid. Use 1 to 5, or min, low, default, high or max.";
            case 40008 -> "The server did not accept where to resume from (the 'since' value). Use all, latest, "
                    + "none, a message id, a unix time or a duration such as 10m.";
            case 40009 -> "The topic name is not valid: " + TOPIC_RULE + ". Change the topic.";
            case 40010 -> "This topic name is reserved on the server (for example docs, file, app, account or "
                    + "settings). Choose another topic.";
            case 40013 -> "The attachment URL is not valid. It must start with http:// or https://.";
            case 40014 -> "The message is too large and this server does not accept attachments. Shorten the "
                    + "message to at most 4096 bytes.";
            case 40018 -> "The action buttons are not valid" + withDetail(e)
                    + ". Fix them: at most 3, each with a label, and a URL for view and http actions.";
            case 40021 -> "The icon URL is not valid. It must start with http:// or https://.";
            case 40024 -> "The server could not read the request as JSON. This is likely a bug in ntfybar; "
                    + "please report it.";
            case 41301 -> attachmentTooLarge();
            case 41303 -> "The message is too large to publish (a JSON request may have at most 8192 bytes). "
                    + "Shorten it or send the text as an attachment.";
            case 42901 -> tooManyRequests();
            case 42902 -> "The server's limit for e-mail notifications is reached. Try again later.";
            case 42903 -> "The server allows no more subscriptions from this address. Unsubscribe from some "
                    + "topics, or subscribe to several topics over one connection.";
            case 42904 -> "The server's limit on the total number of topics is reached. Try again later or ask "
                    + "the server's admin.";
            case 42905 -> "Your daily attachment bandwidth on this server is used up. Try again tomorrow.";
            case 42908 -> "Your daily message limit on this server is reached. Try again tomorrow, or ask the "
                    + "server's admin for a higher limit.";
            case 42909 -> "Too many failed logins from this address, so the server refuses logins for a while. "
                    + "Check the user name and password, then wait before trying again.";
            default -> null;
        };
    }

    private static String byStatus(NtfyError e) {
        int s = e.status();
        if (s == 401) {
            return wrongCredentials();
        } else if (s == 403) {
            return forbidden();
        } else if (s == 404) {
            return notFound();
        } else if (s == 413) {
            return attachmentTooLarge();
        } else if (s == 414) {
            return "The request address is too long, usually because too many topics share one connection. "
                    + "Subscribe to fewer topics on this server.";
        } else if (s == 429) {
            return tooManyRequests();
        } else if (s == 502 || s == 503 || s == 504) {
            return "The server, or a proxy in front of it, is not available right now (HTTP " + s + "). "
                    + "ntfybar will try again; if this lasts, check the server.";
        } else if (s >= 500) {
            return "The server had an internal error (HTTP " + s + serverText(e) + "). Try again later; if it "
                    + "lasts, tell the server's admin.";
        } else if (!e.fromNtfy()) {
            return "The server answered with HTTP " + s + " and a response that does not come from ntfy (perhaps "
                    + "a proxy). Check the server URL.";
        }
        return "The server refused the request (HTTP " + s + serverText(e) + "). Check the message and the "
                + "server settings.";
    }

    private static String wrongCredentials() {
        return "The server rejected the user name, password or access token. Check the login for this server.";
    }

    private static String forbidden() {
        return "You have no permission for this topic. Log in with an account that has access, or ask the "
                + "server's admin to grant it.";
    }

    private static String notFound() {
        return "The server does not know this address. Check the server URL and the topic name (" + TOPIC_RULE + ").";
    }

    private static String attachmentTooLarge() {
        return "The attachment is too large for this server, or your attachment quota is used up. Send a smaller "
                + "file or try again later.";
    }

    private static String tooManyRequests() {
        return "The server is limiting how often you may send requests. Wait a minute and try again.";
    }

    private static String withDetail(NtfyError e) {
        return e.detail() == null ? "" : ": " + clean(e.detail());
    }

    /** ", code 40001: the server's text" for errors without a sentence of their own. */
    private static String serverText(NtfyError e) {
        StringBuilder out = new StringBuilder();
        if (e.code() != null) {
            out.append(", code ").append(e.code());
        }
        if (e.error() != null) {
            out.append(": ").append(clean(e.error()));
            if (e.detail() != null) {
                out.append("; ").append(clean(e.detail()));
            }
        }
        return out.toString();
    }

    private static String clean(String serverText) {
        return InputSnippet.shorten(SECRET.matcher(serverText).replaceAll("…"), MAX_SERVER_TEXT);
    }
}
