package io.ntfybar.ui.subscribe;

import io.ntfybar.model.Subscription;
import io.ntfybar.testsupport.Await;
import io.ntfybar.ui.FxTests;
import io.ntfybar.ui.RecordingWindows;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import io.ntfybar.ui.subscription.SubscriptionSettingsWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;

/**
 * For screenshots on a real display: the Subscribe window after a wrong token (the 401 sentence showing) and the
 * Subscription settings window of a muted subscription that needs a login, against the test server. Runs until killed.
 */
public final class SubscribeWindowsDemo {
    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("ntfybar-subscribe-demo");
        TestCore t = TestCore.start(home);
        String base = t.server.baseUrl();
        t.server.auth().enable("deny-all").addUser("phil", "s3cret", false).allow("phil", "alerts", true, false);
        t.core.updateSettings(s -> s.withDefaultServer(base));
        Subscription backups = t.core.subscriptions().add(Subscription.of(base, "backups"));
        t.core.subscriptions()
                .update(new Subscription(
                        backups.id(),
                        base,
                        "backups",
                        "Nightly backups 💾",
                        "https://example.com/backup.png",
                        4,
                        ZonedDateTime.now().plusHours(2).toEpochSecond(),
                        7 * 86_400,
                        500,
                        false));
        t.core.subscriptionsChanged();
        Await.until("the problem", () -> t.core.problems().containsKey(backups.id()));

        RecordingWindows windows = new RecordingWindows();
        SubscribeWindow subscribe = FxTests.onFx(() -> new SubscribeWindow(t.core, windows, UiThreads.standard()));
        FxTests.onFx(() -> {
            subscribe.show();
            subscribe.stage().setX(20);
            subscribe.stage().setY(20);
        });
        Await.until(
                "the default server filled in",
                () -> FxTests.onFx(
                        () -> base.equals(subscribe.viewModel().serverProperty().get())));
        FxTests.onFx(() -> {
            SubscribeViewModel vm = subscribe.viewModel();
            vm.topicProperty().set("alerts");
            vm.displayNameProperty().set("Server alerts 🚨");
            vm.login().kindProperty().set(Login.Kind.TOKEN);
            vm.login().tokenProperty().set("tk_wrongtoken0000000000000000000");
            vm.subscribe();

            SubscriptionSettingsWindow settings = new SubscriptionSettingsWindow(t.core, windows, UiThreads.standard());
            settings.show(backups.id());
            settings.stage().setX(620);
            settings.stage().setY(20);
        });
        Thread.sleep(Long.MAX_VALUE);
    }
}
