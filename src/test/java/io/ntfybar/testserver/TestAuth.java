package io.ntfybar.testserver;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Users, tokens and access rules of a {@link NtfyTestServer}, as ntfy's auth file would hold them (protocol section
 * 4). Auth is off until {@link #enable}; while off, all credentials are ignored and everything is allowed. Thread-safe;
 * changes apply to the next request.
 */
public final class TestAuth {
    /** The name that stands for every user, anonymous included ({@code everyone} is accepted too). */
    public static final String EVERYONE = "*";

    /** A default access mode or the access of a rule. */
    public enum Access {
        READ_WRITE(true, true),
        READ_ONLY(true, false),
        WRITE_ONLY(false, true),
        DENY_ALL(false, false);

        final boolean read;
        final boolean write;

        Access(boolean read, boolean write) {
            this.read = read;
            this.write = write;
        }

        /** ntfy's names: {@code read-write}/{@code rw}, {@code read-only}/{@code ro}, {@code write-only}/{@code wo}, {@code deny-all}/{@code deny}. */
        public static Access parse(String s) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "read-write":
                case "rw":
                    return READ_WRITE;
                case "read-only":
                case "read":
                case "ro":
                    return READ_ONLY;
                case "write-only":
                case "write":
                case "wo":
                    return WRITE_ONLY;
                case "deny-all":
                case "deny":
                case "none":
                    return DENY_ALL;
                default:
                    throw new IllegalArgumentException("unknown access mode " + s);
            }
        }
    }

    record User(String name, String password, boolean admin) {}

    private record Rule(String user, String pattern, Pattern regex, boolean read, boolean write) {}

    private static final String TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final long REFILL_MILLIS = 60_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, User> users = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>(); // token -> user name
    private final List<Rule> rules = new ArrayList<>();
    private boolean enabled;
    private Access defaultAccess = Access.READ_WRITE;
    private final int burst;
    private double failureTokens;
    private long lastRefill = System.currentTimeMillis();

    TestAuth(int burst) {
        this.burst = burst;
        this.failureTokens = burst;
    }

    /** Turns auth on with this default access for topics no rule covers. */
    public synchronized TestAuth enable(Access defaultAccess) {
        this.enabled = true;
        this.defaultAccess = defaultAccess;
        return this;
    }

    /** Turns auth on; {@code defaultAccess} is one of ntfy's names, e.g. {@code deny-all} or {@code read-write}. */
    public TestAuth enable(String defaultAccess) {
        return enable(Access.parse(defaultAccess));
    }

    public synchronized TestAuth disable() {
        enabled = false;
        return this;
    }

    public synchronized boolean enabled() {
        return enabled;
    }

    /** Adds (or replaces) a user; an admin may read and write every topic. */
    public synchronized TestAuth addUser(String name, String password, boolean admin) {
        users.put(name, new User(name, password, admin));
        return this;
    }

    /** Creates an access token for an existing user: {@code tk_} and 29 lowercase letters or digits. */
    public synchronized String addToken(String user) {
        if (!users.containsKey(user)) {
            throw new IllegalArgumentException("no user " + user);
        }
        StringBuilder b = new StringBuilder("tk_");
        while (b.length() < 32) {
            b.append(TOKEN_CHARS.charAt(random.nextInt(TOKEN_CHARS.length())));
        }
        tokens.put(b.toString(), user);
        return b.toString();
    }

    /**
     * Grants (or with both false, denies) access to topics matching {@code topicPattern}, where {@code *} matches any
     * characters. {@code userOrEveryone} is a user name or {@link #EVERYONE} / {@code everyone}. For one user, the
     * longest matching pattern wins; a user's own rules win over everyone's; without a match the default applies.
     */
    public synchronized TestAuth allow(String userOrEveryone, String topicPattern, boolean read, boolean write) {
        String user = userOrEveryone.equals("everyone") ? EVERYONE : userOrEveryone;
        rules.add(new Rule(user, topicPattern, Pattern.compile(globToRegex(topicPattern)), read, write));
        return this;
    }

    public TestAuth allow(String userOrEveryone, String topicPattern, Access access) {
        return allow(userOrEveryone, topicPattern, access.read, access.write);
    }

    public TestAuth deny(String userOrEveryone, String topicPattern) {
        return allow(userOrEveryone, topicPattern, false, false);
    }

    /** Forgets past login failures (the 42909 limiter). */
    public synchronized void resetFailures() {
        failureTokens = burst;
    }

    /**
     * The user an Authorization value (header, or the decoded {@code auth} query) names: null for anonymous (no value,
     * or a scheme other than Basic and Bearer).
     *
     * @throws HttpError 401 for wrong credentials, 429/42909 once too many failed
     */
    synchronized User authenticate(String authorization) {
        if (!enabled || authorization == null || authorization.isBlank()) {
            return null;
        }
        String lower = authorization.toLowerCase(Locale.ROOT);
        boolean basic = lower.startsWith("basic ");
        boolean bearer = lower.startsWith("bearer ");
        if (!basic && !bearer) {
            return null;
        }
        refill();
        if (failureTokens < 1) {
            throw HttpError.TOO_MANY_AUTH_FAILURES;
        }
        User u = basic
                ? basicUser(authorization.substring(6).trim())
                : tokenUser(authorization.substring(7).trim());
        if (u == null) {
            failureTokens -= 1;
            throw HttpError.UNAUTHORIZED;
        }
        return u;
    }

    synchronized boolean canRead(User user, String topic) {
        return !enabled || access(user, topic).read;
    }

    synchronized boolean canWrite(User user, String topic) {
        return !enabled || access(user, topic).write;
    }

    private Access access(User user, String topic) {
        if (user != null && user.admin()) {
            return Access.READ_WRITE;
        }
        Rule best = user == null ? null : bestRule(user.name(), topic);
        if (best == null) {
            best = bestRule(EVERYONE, topic);
        }
        if (best == null) {
            return defaultAccess;
        }
        return best.read
                ? (best.write ? Access.READ_WRITE : Access.READ_ONLY)
                : (best.write ? Access.WRITE_ONLY : Access.DENY_ALL);
    }

    private Rule bestRule(String user, String topic) {
        Rule best = null;
        for (Rule r : rules) {
            if (r.user.equals(user) && r.regex.matcher(topic).matches()) {
                if (best == null
                        || r.pattern.length() > best.pattern.length()
                        || (r.pattern.length() == best.pattern.length() && r.write && !best.write)) {
                    best = r;
                }
            }
        }
        return best;
    }

    private User basicUser(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String name = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        if (name.isEmpty()) {
            return tokenUser(password); // ntfy: an empty user name means the password is a token
        }
        User u = users.get(name);
        return u != null && u.password().equals(password) ? u : null;
    }

    private User tokenUser(String token) {
        if (token.length() != 32 || !token.startsWith("tk_")) {
            return null;
        }
        String name = tokens.get(token);
        return name == null ? null : users.get(name);
    }

    private void refill() {
        long now = System.currentTimeMillis();
        failureTokens = Math.min(burst, failureTokens + (now - lastRefill) / (double) REFILL_MILLIS);
        lastRefill = now;
    }

    private static String globToRegex(String glob) {
        List<String> parts = new ArrayList<>();
        for (String part : glob.split("\\*", -1)) {
            parts.add(Pattern.quote(part));
        }
        return String.join(".*", parts);
    }
}
