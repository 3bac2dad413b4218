package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.credentials.Keychain;
import io.ntfybar.credentials.Keychains;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.settings.NtfyClientConfig;
import io.ntfybar.settings.ServerSettings;
import io.ntfybar.settings.Settings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the CLI's defaults and logins come from, in which order. */
class CliConfigTest {
    static final ServerUrl HOME = ServerUrl.of("https://ntfy.home.example");
    static final NtfyClientConfig CLIENT = new NtfyClientConfig(HOME.value(), "phil", "pw", null, null, List.of());

    private static CliConfig config(Settings s, NtfyClientConfig c, Map<String, String> env) {
        Keychain keychain = Keychains.sessionOnly("test");
        keychain.save(new CredentialsRef("https://app.example", "anna"), "from-keychain");
        return new CliConfig(s, c, env, () -> keychain);
    }

    @Test
    void defaultServerIsSettingsThenClientYmlThenNtfySh() {
        assertEquals(
                ServerUrl.NTFY_SH,
                config(Settings.defaults(), NtfyClientConfig.empty(), Map.of()).defaultServer());
        assertEquals(HOME, config(Settings.defaults(), CLIENT, Map.of()).defaultServer());
        assertEquals(
                ServerUrl.of("https://own.example"),
                config(Settings.defaults().withDefaultServer("https://own.example"), CLIENT, Map.of())
                        .defaultServer());
    }

    @Test
    void loginOrderIsFlagsEnvironmentClientYmlKeychain() {
        CliConfig c = config(
                Settings.defaults()
                        .withServer(
                                "https://app.example", ServerSettings.defaults().withLogin("anna", false)),
                CLIENT,
                Map.of());
        assertEquals(Optional.of(AuthorizationHeader.bearer("tk_flag")), c.auth(HOME, null, "tk_flag"));
        assertEquals(Optional.of(AuthorizationHeader.basic("u", "p:q")), c.auth(HOME, "u:p:q", null));
        assertEquals(Optional.of(AuthorizationHeader.basic("phil", "pw")), c.auth(HOME, null, null));
        assertEquals(
                Optional.empty(),
                c.auth(ServerUrl.of("https://elsewhere.example"), null, null),
                "client.yml's login is never sent to another server");
        assertEquals(
                Optional.of(AuthorizationHeader.basic("anna", "from-keychain")),
                c.auth(ServerUrl.of("https://app.example"), null, null));
        CliConfig env = config(Settings.defaults(), CLIENT, Map.of("NTFY_TOKEN", "tk_env"));
        assertEquals(Optional.of(AuthorizationHeader.bearer("tk_env")), env.auth(HOME, null, null));
        CliConfig envUser = config(Settings.defaults(), CLIENT, Map.of("NTFY_USER", "x", "NTFY_PASSWORD", "y"));
        assertEquals(Optional.of(AuthorizationHeader.basic("x", "y")), envUser.auth(HOME, null, null));
    }

    @Test
    void badFlagsAreSentences() {
        CliConfig c = config(Settings.defaults(), NtfyClientConfig.empty(), Map.of());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.auth(HOME, "a:b", "tk"))
                .getMessage()
                .contains("either -u or -k"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.auth(HOME, ":pw", null))
                .getMessage()
                .contains("needs a user name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.auth(HOME, null, " "))
                .getMessage()
                .contains("is empty"));
    }

    @Test
    void topicsWithASlashButNoServerAreRefused() {
        CliConfig c = config(Settings.defaults(), NtfyClientConfig.empty(), Map.of());
        assertEquals("alerts", c.topic("alerts").topic());
        assertEquals(
                ServerUrl.of("https://ntfy.example.com"),
                c.topic("ntfy.example.com/alerts").server());
        assertEquals(
                ServerUrl.of("http://localhost:8080"),
                c.topic("http://localhost:8080/alerts").server());
        assertEquals(
                ServerUrl.of("https://localhost"), c.topic("localhost/alerts").server());
        assertTrue(assertThrows(io.ntfybar.protocol.ProtocolException.class, () -> c.topic("alerts/backups"))
                .getMessage()
                .contains("a topic name cannot contain '/'"));
    }
}
