package io.ntfybar.ui.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.credentials.CredentialsRef;
import io.ntfybar.model.Message;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.settings.SettingsFile;
import io.ntfybar.subscribe.ConnectionKey;
import io.ntfybar.subscribe.ConnectionState;
import io.ntfybar.subscribe.Poller;
import io.ntfybar.testsupport.Await;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscribeViewModelTest {
    @TempDir
    Path home;

    TestCore t;
    SubscribeViewModel vm;
    String base;

    @BeforeEach
    void start() {
        t = TestCore.start(home);
        base = t.server.baseUrl();
        vm = new SubscribeViewModel(t.core, UiThreads.direct());
        vm.open();
        vm.serverProperty().set(base);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private void denyAllWithPhil() {
        t.server.auth().enable("deny-all").addUser("phil", "s3cret", false).allow("phil", "alerts", true, true);
        t.server.auth().addUser("eve", "evepw", false);
    }

    private Path settingsFile() {
        return t.core.paths().config().resolve(SettingsFile.NAME);
    }

    private String settingsText() throws IOException {
        return Files.exists(settingsFile()) ? Files.readString(settingsFile()) : "<none>";
    }

    private void assertNothingSaved(String settingsBefore) throws IOException {
        assertEquals(List.of(), t.core.subscriptions().all());
        assertTrue(t.core.keychain().load(new CredentialsRef(base, "phil")).isEmpty());
        assertTrue(t.core.keychain().load(new CredentialsRef(base, "eve")).isEmpty());
        assertTrue(t.core.keychain().load(CredentialsRef.token(base)).isEmpty());
        assertEquals(settingsBefore, settingsText());
        assertEquals(0, vm.subscribedIdProperty().get());
    }

    @Test
    void topicIsValidatedAsTypedAndATopicUrlSplitsIntoServerAndTopic() {
        vm.topicProperty().set("backups_01-x");
        assertEquals("", vm.topicErrorProperty().get());
        assertTrue(vm.canSubmitProperty().get());

        vm.topicProperty().set("my alerts");
        assertEquals(
                "' ' is not allowed: a topic uses only letters, digits, - and _.",
                vm.topicErrorProperty().get());
        assertFalse(vm.canSubmitProperty().get());

        vm.topicProperty().set("x".repeat(65));
        assertEquals(
                "Too long: 65 characters, at most 64.", vm.topicErrorProperty().get());
        assertFalse(vm.canSubmitProperty().get());

        vm.topicProperty().set("x".repeat(64));
        assertEquals("", vm.topicErrorProperty().get());

        vm.topicProperty().set("https://ntfy.example.com:8443/alerts");
        assertEquals("https://ntfy.example.com:8443", vm.serverProperty().get());
        assertEquals("alerts", vm.topicProperty().get());
        assertEquals("", vm.topicErrorProperty().get());

        vm.topicProperty().set("ntfy.example.com/bad topic");
        assertEquals(
                "This is not a topic URL. Use the form https://ntfy.example.com/mytopic.",
                vm.topicErrorProperty().get());

        vm.serverProperty().set("ftp://ntfy.example.com");
        assertTrue(vm.serverErrorProperty().get().startsWith("This is not a server address"));
        assertFalse(vm.canSubmitProperty().get());
    }

    @Test
    void theDefaultServerIsFilledInAndGeneratedTopicsAreValidAndDiffer() {
        vm.open();
        assertEquals("https://ntfy.sh", vm.serverProperty().get());
        assertTrue(vm.knownServers().contains("https://ntfy.sh"));
        vm.generateTopic();
        String first = vm.topicProperty().get();
        vm.generateTopic();
        assertTrue(io.ntfybar.protocol.TopicName.isValid(first));
        assertEquals(16, first.length());
        assertFalse(first.equals(vm.topicProperty().get()));
    }

    @Test
    void aWrongPasswordSaysSoAndSavesNothing() throws IOException {
        denyAllWithPhil();
        String before = settingsText();
        vm.topicProperty().set("alerts");
        vm.login().kindProperty().set(Login.Kind.PASSWORD);
        vm.login().usernameProperty().set("phil");
        vm.login().passwordProperty().set("wrong");
        vm.subscribe();

        assertEquals(
                "The server refused the login: the password for phil is wrong, or there is no user phil on "
                        + base.substring("http://".length()) + ". Check both and try again.",
                vm.errorProperty().get());
        assertFalse(vm.busyProperty().get());
        assertNothingSaved(before);
    }

    @Test
    void aWrongTokenSaysSoAndSavesNothing() throws IOException {
        denyAllWithPhil();
        String before = settingsText();
        vm.topicProperty().set("alerts");
        vm.login().kindProperty().set(Login.Kind.TOKEN);
        vm.login().tokenProperty().set("tk_aaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        vm.subscribe();

        assertEquals(
                "The server refused the login: the access token is wrong or expired. Check it and try again.",
                vm.errorProperty().get());
        assertNothingSaved(before);
    }

    @Test
    void aUserWithoutReadPermissionIsToldAndNothingIsSaved() throws IOException {
        denyAllWithPhil();
        String before = settingsText();
        vm.topicProperty().set("alerts");
        vm.login().kindProperty().set(Login.Kind.PASSWORD);
        vm.login().usernameProperty().set("eve");
        vm.login().passwordProperty().set("evepw");
        vm.subscribe();

        assertEquals(
                "Logged in as eve, but eve may not read 'alerts' on " + base.substring("http://".length())
                        + ". Ask the server's admin for read access, or use another login.",
                vm.errorProperty().get());
        assertNothingSaved(before);
    }

    @Test
    void anonymousOnAProtectedTopicIsToldToLogIn() throws IOException {
        denyAllWithPhil();
        String before = settingsText();
        vm.topicProperty().set("alerts");
        vm.subscribe();
        assertTrue(
                vm.errorProperty().get().startsWith("'alerts' on "),
                vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("needs a login"));
        assertNothingSaved(before);
    }

    @Test
    void theRightLoginIsSavedToTheKeychainAndSettingsAndTheEngineConnects() throws IOException {
        denyAllWithPhil();
        vm.topicProperty().set("alerts");
        vm.displayNameProperty().set("Backups 💾");
        vm.minPriorityProperty().set(4);
        vm.login().kindProperty().set(Login.Kind.PASSWORD);
        vm.login().usernameProperty().set("phil");
        vm.login().passwordProperty().set("s3cret");
        vm.subscribe();

        assertEquals("", vm.errorProperty().get());
        Subscription s = t.core.subscriptions().find(base, "alerts").orElseThrow();
        assertEquals(s.id(), vm.subscribedIdProperty().get());
        assertEquals("Backups 💾", s.displayName());
        assertEquals(4, s.minPriority());
        assertEquals(
                "s3cret",
                t.core.keychain().load(new CredentialsRef(base, "phil")).orElseThrow());
        String yml = Files.readString(settingsFile());
        assertTrue(yml.contains("username: \"phil\"") || yml.contains("username: phil"), yml);
        assertFalse(yml.contains("s3cret"), yml);
        assertEquals("", vm.login().passwordProperty().get(), "the secret does not linger in the form");
        Await.until("the engine connects with phil's login", () -> t.core.connections().stream()
                .anyMatch(r -> r.state() instanceof ConnectionState.Connected
                        && r.topics().contains("alerts")
                        && r.key().credentials() != null));
    }

    @Test
    void aTokenIsSavedAsTheServersToken() throws IOException {
        denyAllWithPhil();
        String token = t.server.auth().addToken("phil");
        vm.topicProperty().set("alerts");
        vm.login().kindProperty().set(Login.Kind.TOKEN);
        vm.login().tokenProperty().set(token);
        vm.subscribe();

        assertEquals("", vm.errorProperty().get());
        assertTrue(t.core.subscriptions().find(base, "alerts").isPresent());
        assertEquals(token, t.core.keychain().load(CredentialsRef.token(base)).orElseThrow());
        String yml = Files.readString(settingsFile());
        assertTrue(yml.contains("token: true"), yml);
        assertFalse(yml.contains(token), yml);
    }

    @Test
    void replacingTheServersLoginAsksFirstThenReplacesItAndDeletesTheOldSecret() throws IOException {
        denyAllWithPhil();
        t.server.auth().allow("eve", "*", true, false);
        vm.topicProperty().set("alerts");
        vm.login().kindProperty().set(Login.Kind.PASSWORD);
        vm.login().usernameProperty().set("phil");
        vm.login().passwordProperty().set("s3cret");
        vm.subscribe();
        assertTrue(vm.subscribedIdProperty().get() > 0);

        vm.open();
        vm.serverProperty().set(base);
        assertEquals(Login.Kind.SAVED, vm.login().kindProperty().get(), "the server's saved login is the default");
        assertEquals("phil (password)", vm.login().savedLoginProperty().get());
        vm.topicProperty().set("news");
        vm.login().kindProperty().set(Login.Kind.PASSWORD);
        vm.login().usernameProperty().set("eve");
        vm.login().passwordProperty().set("evepw");
        vm.subscribe();
        String question = vm.confirmationProperty().get();
        assertTrue(question.contains("already uses the login phil (password) for all its topics"), question);
        assertTrue(t.core.subscriptions().find(base, "news").isEmpty(), "nothing saved before the answer");

        vm.confirmReplace();
        assertNull(vm.confirmationProperty().get());
        assertTrue(t.core.subscriptions().find(base, "news").isPresent());
        assertEquals("eve", t.core.settings().server(base).username());
        assertTrue(t.core.keychain().load(new CredentialsRef(base, "phil")).isEmpty(), "old secret removed");
        assertEquals(
                "evepw", t.core.keychain().load(new CredentialsRef(base, "eve")).orElseThrow());
    }

    @Test
    void theSavedLoginIsUsedWhenChosen() {
        denyAllWithPhil();
        t.server.auth().allow("phil", "news", true, false);
        vm.topicProperty().set("alerts");
        vm.login().kindProperty().set(Login.Kind.PASSWORD);
        vm.login().usernameProperty().set("phil");
        vm.login().passwordProperty().set("s3cret");
        vm.subscribe();

        vm.open();
        vm.serverProperty().set(base);
        vm.topicProperty().set("news");
        assertEquals(Login.Kind.SAVED, vm.login().kindProperty().get());
        vm.subscribe();
        assertEquals("", vm.errorProperty().get());
        assertNull(vm.confirmationProperty().get());
        assertTrue(t.core.subscriptions().find(base, "news").isPresent());
    }

    @Test
    void aSavedLoginWithoutItsSecretSaysSoInsteadOfAskingTheServer() {
        denyAllWithPhil();
        t.core.updateSettings(x -> x.withServer(base, x.server(base).withLogin("phil", false)));
        vm.serverProperty().set("");
        vm.serverProperty().set(base);
        assertEquals(Login.Kind.SAVED, vm.login().kindProperty().get());
        vm.topicProperty().set("alerts");
        vm.subscribe();
        assertTrue(
                vm.errorProperty()
                        .get()
                        .startsWith("The server's saved login phil (password) has no password or token in "),
                vm.errorProperty().get());
        assertEquals(List.of(), t.core.subscriptions().all());
    }

    @Test
    void anUnreachableServerSaysSo() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String before = settingsText();
        vm.serverProperty().set("http://127.0.0.1:" + port);
        vm.topicProperty().set("alerts");
        vm.subscribe();
        String e = vm.errorProperty().get();
        assertTrue(e.startsWith("Cannot reach http://127.0.0.1:" + port), e);
        assertTrue(e.endsWith("Check the server address and your network connection, then try again."), e);
        assertEquals(List.of(), t.core.subscriptions().all());
        assertEquals(before, settingsText());
    }

    @Test
    void aDuplicateSubscriptionIsNotAddedAgainAndCanBeOpened() {
        Subscription existing = t.core.subscriptions().add(Subscription.of(base, "alerts"));
        vm.topicProperty().set("alerts");
        vm.subscribe();
        assertEquals(
                "You already subscribe to 'alerts' on " + base.substring("http://".length()) + ".",
                vm.errorProperty().get());
        assertEquals(existing.id(), vm.existingIdProperty().get());
        assertEquals(1, t.core.subscriptions().all().size());
        assertEquals(0, vm.subscribedIdProperty().get());
    }

    @Test
    void theTestMessageReachesTheServerWithTheEnteredLogin() throws Exception {
        denyAllWithPhil();
        vm.topicProperty().set("alerts");
        vm.login().kindProperty().set(Login.Kind.PASSWORD);
        vm.login().usernameProperty().set("phil");
        vm.login().passwordProperty().set("s3cret");
        vm.sendTest();
        assertEquals("", vm.errorProperty().get());
        assertTrue(
                vm.infoProperty().get().startsWith("Sent a test message to "),
                vm.infoProperty().get());

        List<Message> cached = new Poller(new OkHttpClient())
                .poll(
                        ConnectionKey.anonymous(io.ntfybar.protocol.ServerUrl.of(base)),
                        AuthorizationHeader.basic("phil", "s3cret"),
                        List.of("alerts"),
                        SubscribeQuery.live().withSince("all"));
        assertEquals(1, cached.size());
        assertEquals("Test from ntfybar", cached.get(0).title());
        assertEquals(List.of(), t.core.subscriptions().all(), "a test message subscribes to nothing");

        vm.login().passwordProperty().set("wrong");
        vm.sendTest();
        assertTrue(
                vm.errorProperty().get().startsWith("The test message was not sent: "),
                vm.errorProperty().get());
    }
}
