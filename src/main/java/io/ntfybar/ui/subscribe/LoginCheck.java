package io.ntfybar.ui.subscribe;

import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.credentials.KeychainException;
import io.ntfybar.net.TrustException;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.NtfyError;
import io.ntfybar.protocol.ProtocolException;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.settings.SettingsException;
import io.ntfybar.subscribe.ConnectionKey;
import io.ntfybar.subscribe.Poller;
import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.UiText;
import java.util.Optional;

/**
 * The one place where a login is checked against a server and saved: the Subscribe window and the Subscription
 * settings window both use it. A check asks the server's {@code /<topic>/auth} before anything is saved; saving puts
 * the secret in the keychain and only its reference in {@code settings.yml}.
 *
 * <p>Threading: every method blocks (network, keychain, settings file); call them on {@code UiThreads.io()}.
 */
public final class LoginCheck {
    private static final UiText TEXT = UiText.of(LoginCheck.class);

    /** What the server said about a login. */
    public sealed interface Outcome {
        /** Why the login cannot be used, for the user; empty when it is {@link Allowed}. */
        default Optional<String> problem() {
            if (this instanceof Refused r) {
                return Optional.of(r.sentence());
            }
            return this instanceof Unreachable u ? Optional.of(u.sentence()) : Optional.empty();
        }

        /** The login may read the topic. */
        record Allowed() implements Outcome {}

        /** The server refused: a wrong login (401), no permission (403) or something else; {@code sentence} says. */
        record Refused(int status, String sentence) implements Outcome {}

        /** No answer from the server; {@code sentence} has the reason. */
        record Unreachable(String sentence) implements Outcome {}
    }

    private final AppCore core;

    public LoginCheck(AppCore core) {
        this.core = core;
    }

    /** Asks the server whether {@code login} may read {@code topic}. Never throws for a server's or network's failure. */
    public Outcome check(ServerUrl server, String topic, Login login) {
        ServerSettings settings = core.settings().server(server.value());
        AuthorizationHeader auth;
        try {
            auth = header(server, login);
        } catch (ProtocolException e) {
            return new Outcome.Refused(0, TEXT.get("check.badInput", e.getMessage()));
        }
        if (auth == null && login.kind() == Login.Kind.SAVED && refOf(server.value(), settings) != null) {
            // The settings name a login whose secret is not in the keychain (another machine, a wiped keychain).
            return new Outcome.Refused(
                    0,
                    TEXT.get(
                            "check.savedMissing",
                            describe(settings),
                            core.keychain().description()));
        }
        ConnectionKey key = new ConnectionKey(
                server,
                null,
                settings.headers(),
                settings.authInQuery(),
                settings.caCertificate(),
                settings.clientCertificate());
        NtfyError refusal;
        try {
            refusal = new Poller(core.requestsFor(server.value())).checkAccess(key, auth, topic);
        } catch (Poller.PollException e) {
            if (e.error() != null) {
                return new Outcome.Refused(e.error().status(), e.getMessage());
            }
            return new Outcome.Unreachable(TEXT.get("check.unreachable", e.getMessage()));
        } catch (TrustException e) { // a CA file or client certificate that cannot be used: already a sentence
            return new Outcome.Unreachable(e.getMessage());
        }
        if (refusal == null) {
            return new Outcome.Allowed();
        }
        return new Outcome.Refused(refusal.status(), sentence(server, topic, login, refusal));
    }

    /** The header a login sends: an entered one, the server's saved one, or none. */
    public AuthorizationHeader header(ServerUrl server, Login login) {
        return login.kind() == Login.Kind.SAVED ? core.authFor(server.value()).orElse(null) : login.enteredHeader();
    }

    /**
     * A sentence asking to confirm when saving {@code login} would replace another login of the server (one server
     * has one login in ntfybar, used for all its topics); empty when nothing is replaced.
     */
    public Optional<String> replaceWarning(ServerUrl server, Login login) {
        if (login.kind() == Login.Kind.SAVED) {
            return Optional.empty();
        }
        ServerSettings s = core.settings().server(server.value());
        String current = describe(s);
        boolean hasLogin = s.token() || (s.username() != null && !s.username().isEmpty());
        if (!hasLogin) {
            return Optional.empty();
        }
        boolean same = (login.kind() == Login.Kind.TOKEN && s.token() && isEmpty(s.username()))
                || (login.kind() == Login.Kind.PASSWORD && login.username().equals(s.username()));
        if (same) {
            return Optional.empty();
        }
        return Optional.of(TEXT.get("replace.warning", server.shortForm(), current, describe(login)));
    }

    /**
     * Makes {@code login} the server's login: the secret into the keychain, the reference into settings.yml, and the
     * replaced login's secret out of the keychain. Nothing is saved for {@link Login.Kind#SAVED}.
     *
     * @return empty when saved, else the sentence saying what failed (nothing was changed then)
     */
    public Optional<String> save(ServerUrl server, Login login) {
        if (login.kind() == Login.Kind.SAVED) {
            return Optional.empty();
        }
        String url = server.value();
        ServerSettings before = core.settings().server(url);
        CredentialsRef old = refOf(url, before);
        CredentialsRef next =
                switch (login.kind()) {
                    case PASSWORD -> new CredentialsRef(url, login.username());
                    case TOKEN -> CredentialsRef.token(url);
                    default -> null;
                };
        try {
            if (next != null) {
                core.keychain().save(next, login.secret());
            }
        } catch (KeychainException e) {
            return Optional.of(TEXT.get("save.keychainFailed", core.keychain().description(), e.getMessage()));
        }
        try {
            core.updateSettings(s -> s.withServer(
                    url,
                    s.server(url)
                            .withLogin(
                                    login.kind() == Login.Kind.PASSWORD ? login.username() : null,
                                    login.kind() == Login.Kind.TOKEN)));
        } catch (SettingsException e) {
            if (next != null && !next.equals(old)) {
                core.keychain().delete(next);
            }
            return Optional.of(TEXT.get("save.settingsFailed", e.getMessage()));
        }
        if (old != null && !old.equals(next)) {
            try {
                core.keychain().delete(old);
            } catch (KeychainException e) {
                // The old secret is orphaned but unused; the new login is in effect.
            }
        }
        core.loginChanged(url);
        return Optional.empty();
    }

    /** How a server's login is described to the user: "phil (password)", "an access token" or "no login". */
    public static String describe(ServerSettings s) {
        if (!isEmpty(s.username())) {
            return TEXT.get("login.describe.password", s.username());
        }
        return s.token() ? TEXT.get("login.describe.token") : TEXT.get("login.describe.none");
    }

    static String describe(Login login) {
        return switch (login.kind()) {
            case PASSWORD -> TEXT.get("login.describe.password", login.username());
            case TOKEN -> TEXT.get("login.describe.token");
            case NONE -> TEXT.get("login.describe.none");
            case SAVED -> TEXT.get("login.describe.saved");
        };
    }

    private String sentence(ServerUrl server, String topic, Login login, NtfyError refusal) {
        ServerSettings s = core.settings().server(server.value());
        Login effective = login;
        if (login.kind() == Login.Kind.SAVED) {
            effective = !isEmpty(s.username())
                    ? Login.password(s.username(), "")
                    : s.token() ? Login.token("") : Login.none();
        }
        String host = server.shortForm();
        if (refusal.isWrongCredentials()) {
            return switch (effective.kind()) {
                case PASSWORD -> TEXT.get("check.wrongPassword", effective.username(), host);
                case TOKEN -> TEXT.get("check.wrongToken", host);
                default -> TEXT.get("check.needsLogin", topic, host);
            };
        }
        if (refusal.isForbidden()) {
            return switch (effective.kind()) {
                case PASSWORD -> TEXT.get("check.forbiddenUser", effective.username(), topic, host);
                case TOKEN -> TEXT.get("check.forbiddenToken", topic, host);
                default -> TEXT.get("check.needsLogin", topic, host);
            };
        }
        return refusal.userMessage();
    }

    private static CredentialsRef refOf(String url, ServerSettings s) {
        if (!isEmpty(s.username())) {
            return new CredentialsRef(url, s.username());
        }
        return s.token() ? CredentialsRef.token(url) : null;
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
