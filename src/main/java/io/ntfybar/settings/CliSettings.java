package io.ntfybar.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The command line's own defaults in {@code settings.yml} ({@code cli:}). Immutable.
 *
 * @param topic the topic (a name on the default server, or a URL) that {@code done}, {@code publish} without a topic
 *     and the shell integration publish to
 * @param title the title of those messages; absent: the command line's own title (host name and command)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CliSettings(@JsonProperty("topic") String topic, @JsonProperty("title") String title) {
    public static final CliSettings NONE = new CliSettings(null, null);

    public CliSettings {
        topic = topic == null || topic.isBlank() ? null : topic.strip();
        title = title == null || title.isBlank() ? null : title.strip();
    }
}
