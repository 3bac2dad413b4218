package io.ntfybar.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ntfybar.model.Action;
import io.ntfybar.model.ActionType;
import io.ntfybar.model.Message;
import io.ntfybar.protocol.MessageDisplay;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.settings.NotificationSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RendererTest {
    private static final ServerUrl NTFY_SH = ServerUrl.NTFY_SH;
    private static final ServerUrl SELF = ServerUrl.of("https://ntfy.example.com");
    private final Renderer renderer = new Renderer(MessageDisplay.withNtfyShDefault());

    private static Message message(
            String title,
            String text,
            int priority,
            List<String> tags,
            String click,
            List<Action> actions,
            String seq) {
        return new Message(
                "m1m1m1m1m1m1",
                1_700_000_000L,
                null,
                "message",
                "backups",
                title,
                text,
                priority,
                tags,
                click,
                null,
                actions,
                null,
                null,
                null,
                null,
                seq);
    }

    @ParameterizedTest(name = "priority {0}: {1}, sound {2}, never expires {3}, urgency {4}")
    @CsvSource({
        "1, PASSIVE, false, false, 0",
        "2, PASSIVE, false, false, 0",
        "3, ACTIVE, true, false, 1",
        "4, TIME_SENSITIVE, true, false, 2",
        "5, TIME_SENSITIVE, true, true, 2"
    })
    void prioritiesMapAsNtfysIosAppAndTheFreedesktopUrgencyHint(
            int priority, NotificationSpec.Level level, boolean sound, boolean expiresNever, int urgency) {
        NotificationSpec s =
                renderer.render(message(null, "x", priority, List.of(), null, List.of(), null), NTFY_SH, null);
        assertEquals(level, s.level());
        assertEquals(sound, s.sound() != null);
        assertEquals(expiresNever, s.expiresNever());
        assertEquals(urgency, s.level().urgency());
    }

    @Test
    void ownTitleGetsEmojiTagsAndTheSubscriptionAsSubtitle() {
        NotificationSpec s = renderer.render(
                message("Backup done", "all good", 3, List.of("white_check_mark", "nightly"), null, List.of(), null),
                SELF,
                "Backups");
        assertEquals("✅ Backup done", s.title());
        assertEquals("Backups", s.subtitle());
        assertEquals("all good", s.body());
    }

    @Test
    void withoutATitleTheTopicStandsInAndThereIsNoSubtitle() {
        NotificationSpec onDefault = renderer.render(
                message(null, "disk full", 3, List.of("warning"), null, List.of(), null), NTFY_SH, null);
        assertEquals("backups", onDefault.title());
        assertNull(onDefault.subtitle());
        assertEquals("⚠️ disk full", onDefault.body());
        NotificationSpec elsewhere =
                renderer.render(message(null, "disk full", 3, List.of(), null, List.of(), null), SELF, null);
        assertEquals("ntfy.example.com/backups", elsewhere.title());
    }

    @Test
    void atMostThreeActionsAndNoBroadcast() {
        Action broadcast =
                new Action("b", "broadcast", "Tasker", false, null, null, Map.of(), null, null, Map.of(), null);
        List<Action> actions = List.of(
                broadcast,
                Action.view("Open", "https://example.com", false),
                Action.copy("Copy code", "123456", false),
                Action.view("Logs", "https://example.com/logs", false),
                Action.view("Fourth", "https://example.com/4", false));
        NotificationSpec s = renderer.render(message(null, "x", 3, List.of(), null, actions, null), NTFY_SH, null);
        assertEquals(
                List.of("Open", "Copy code", "Logs"),
                s.actions().stream().map(Action::label).toList());
        s.actions().forEach(a -> assertEquals(true, a.type() != ActionType.BROADCAST));
    }

    @Test
    void aRevisionHasTheSameIdentityAndOtherTopicsOrServersDoNot() {
        NotificationSpec first =
                renderer.render(message(null, "v1", 3, List.of(), null, List.of(), "deploy-42"), SELF, null);
        Message revision = new Message(
                "r2r2r2r2r2r2",
                1_700_000_100L,
                null,
                "message",
                "backups",
                null,
                "v2",
                3,
                List.of(),
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                "deploy-42");
        assertEquals(first.identity(), renderer.render(revision, SELF, null).identity());
        assertEquals(
                "https://ntfy.example.com/backups#m1m1m1m1m1m1",
                renderer.render(message(null, "x", 3, List.of(), null, List.of(), null), SELF, null)
                        .identity(),
                "without a sequence id the message id is the sequence");
        assertEquals(false, first.identity().equals(Renderer.identity(NTFY_SH, "backups", "deploy-42")));
        assertEquals(first.group(), renderer.render(revision, SELF, null).group());
    }

    @Test
    void theClickUrlIsKeptAndABlankOneMeansOpenTheMessage() {
        assertEquals(
                "https://example.com/run/7",
                renderer.render(
                                message(null, "x", 3, List.of(), "https://example.com/run/7", List.of(), null),
                                NTFY_SH,
                                null)
                        .clickUrl());
        assertNull(renderer.render(message(null, "x", 3, List.of(), " ", List.of(), null), NTFY_SH, null)
                .clickUrl());
    }

    @Test
    void markdownIsReducedToPlainTextOnlyForMarkdownMessages() {
        Message md = new Message(
                "m",
                1L,
                null,
                "message",
                "backups",
                "**Deploy**",
                "**done** in [CI](https://ci.x/1)",
                3,
                List.of(),
                null,
                null,
                List.of(),
                null,
                null,
                Message.MARKDOWN,
                null,
                null);
        NotificationSpec s = renderer.render(md, NTFY_SH, null);
        assertEquals("done in CI (https://ci.x/1)", s.body());
        assertEquals("**Deploy**", s.title(), "titles are never markdown in ntfy");
        Message plain = message(null, "**not** markdown", 3, List.of(), null, List.of(), null);
        assertEquals("**not** markdown", renderer.render(plain, NTFY_SH, null).body());
    }

    @Test
    void soundsFollowThePerPrioritySettingAndAnUpdateIsSilent() {
        NotificationSettings s = new NotificationSettings(0L, 5, false, Map.of(1, "bell", 4, "none", 5, "alarm"), null);
        Message m1 = message(null, "x", 1, List.of(), null, List.of(), null);
        Message m3 = message(null, "x", 3, List.of(), null, List.of(), null);
        Message m4 = message(null, "x", 4, List.of(), null, List.of(), null);
        Message m5 = message(null, "x", 5, List.of(), null, List.of(), null);
        assertEquals("bell", renderer.render(m1, NTFY_SH, null, s, false).sound());
        assertEquals(
                NotificationSpec.DEFAULT_SOUND,
                renderer.render(m3, NTFY_SH, null, s, false).sound());
        assertNull(renderer.render(m4, NTFY_SH, null, s, false).sound());
        assertEquals("alarm", renderer.render(m5, NTFY_SH, null, s, false).sound());
        assertNull(renderer.render(m5, NTFY_SH, null, s, true).sound(), "a revision replaces without a sound");
    }

    @Test
    void aSummaryCountsTheBurstAndShowsTheNewest() {
        Message newest = message("Disk", "sda full", 4, List.of("warning"), null, List.of(), null);
        NotificationSpec s =
                renderer.summary("id", SELF, "backups", null, 12, newest, 5, NotificationSettings.defaults(), false);
        assertEquals("12 new messages on ntfy.example.com/backups", s.title());
        assertEquals("Latest: ⚠️ Disk: sda full", s.body());
        assertEquals(NotificationSpec.Level.TIME_SENSITIVE, s.level());
        assertEquals(true, s.expiresNever());
        assertEquals(List.of(), s.actions());
        assertNull(s.clickUrl());
        assertNull(
                renderer.summary("id", SELF, "backups", "Backups", 13, newest, 5, NotificationSettings.defaults(), true)
                        .sound());
    }
}
