package io.ntfybar.protocol;

import java.util.regex.Pattern;

/** ntfy's topic rule: 1 to 64 letters, digits, {@code -} or {@code _}, case-sensitive (protocol section 3.1). Pure and
 * thread-safe.
 */
public final class TopicName {
    public static final int MAX_LENGTH = 64;
    private static final Pattern TOPIC = Pattern.compile("[-_A-Za-z0-9]{1,64}");

    private TopicName() {}

    public static boolean isValid(String topic) {
        return topic != null && TOPIC.matcher(topic).matches();
    }

    /**
     * Returns the topic when it is valid.
     *
     * @throws ProtocolException with a sentence saying what is wrong and what is allowed
     */
    public static String validate(String topic) {
        if (isValid(topic)) {
            return topic;
        }
        if (topic == null || topic.isEmpty()) {
            throw new ProtocolException("the topic is empty; a topic is 1 to 64 letters, digits, '-' or '_'");
        }
        if (topic.length() > MAX_LENGTH) {
            throw new ProtocolException(
                    "the topic is too long (" + topic.length() + " characters, at most " + MAX_LENGTH + ")");
        }
        int bad = topic.codePoints()
                .filter(c -> !(c == '-' || c == '_' || (c < 128 && Character.isLetterOrDigit(c))))
                .findFirst()
                .orElse('?');
        throw new ProtocolException("the topic " + InputSnippet.quote(topic) + " contains "
                + InputSnippet.quote(Character.toString(bad)) + "; a topic may only use letters, digits, '-' and '_'");
    }
}
