package io.ntfybar.ui.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ntfybar.dispatch.MuteDuration;
import io.ntfybar.subscribe.TopicProblem;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.subscription.SubscriptionSettingsWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text key the two windows ask for is in their strings.properties (a missing one would show as !key!). */
class StringsTest {
    private static final Pattern KEY = Pattern.compile("TEXT\\.get\\(\\s*\"([^\"]+)\"");

    @Test
    void everyLiteralAndComposedKeyExists() throws IOException {
        List<String> missing = new ArrayList<>();
        check(Path.of("src/main/java/io/ntfybar/ui/subscribe"), UiText.of(SubscribeWindow.class), missing);
        check(
                Path.of("src/main/java/io/ntfybar/ui/subscription"),
                UiText.of(SubscriptionSettingsWindow.class),
                missing);

        UiText subscribe = UiText.of(SubscribeWindow.class);
        for (Login.Kind k : Login.Kind.values()) {
            require(subscribe, "login.kind." + k.name(), missing);
        }
        for (int p = 1; p <= 5; p++) {
            require(subscribe, "priority." + p, missing);
        }
        UiText settings = UiText.of(SubscriptionSettingsWindow.class);
        for (MuteDuration d : MuteDuration.values()) {
            require(settings, "mute." + d.name(), missing);
        }
        for (TopicProblem.Kind k : TopicProblem.Kind.values()) {
            require(settings, "problem." + k.name(), missing);
        }
        for (int p = 1; p <= 5; p++) {
            require(settings, "priority." + p, missing);
        }
        assertEquals(List.of(), missing);
    }

    private static void check(Path folder, UiText text, List<String> missing) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) { // composed keys are checked one by one below
                        require(text, m.group(1), missing);
                    }
                }
            }
        }
    }

    private static void require(UiText text, String key, List<String> missing) {
        if (!text.has(key)) {
            missing.add(key);
        }
    }
}
