package io.ntfybar.ui.subscribe;

import io.ntfybar.protocol.TopicName;
import io.ntfybar.ui.UiText;
import java.security.SecureRandom;

/** What the user typed as a topic: the sentence saying what is wrong with it, and random topics. Pure; thread-safe. */
final class TopicInput {
    private static final UiText TEXT = UiText.of(TopicInput.class);
    private static final String TOPIC_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TopicInput() {}

    /** Empty when {@code s} is a valid topic or nothing was typed yet, else what is wrong and what is allowed. */
    static String problem(String s) {
        if (s.isEmpty() || TopicName.isValid(s)) {
            return "";
        }
        if (s.length() > TopicName.MAX_LENGTH) {
            return TEXT.get("topic.tooLong", s.length(), TopicName.MAX_LENGTH);
        }
        int bad = s.codePoints()
                .filter(c -> !(c == '-' || c == '_' || (c < 128 && Character.isLetterOrDigit(c))))
                .findFirst()
                .orElse('?');
        return TEXT.get("topic.badChar", Character.toString(bad));
    }

    /** A random topic nobody can guess: 16 of 36 characters, about 83 bits, as ntfy's Android app offers. */
    static String random() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append(TOPIC_CHARS.charAt(RANDOM.nextInt(TOPIC_CHARS.length())));
        }
        return b.toString();
    }
}
