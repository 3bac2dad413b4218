package io.ntfybar.cli;

import io.ntfybar.protocol.SubscribeQuery;
import io.ntfybar.protocol.TopicUrl;
import java.util.Objects;

/**
 * One topic that {@code subscribe} listens to, with its login, its query (since, poll, filters) and what to do with
 * each message: print it as a JSON line ({@code command} null) or run the command. Immutable.
 */
record SubscribeTarget(TopicUrl topic, Login login, SubscribeQuery query, String command) {
    SubscribeTarget {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(query, "query");
        login = login == null ? Login.NONE : login;
        command = command == null || command.isBlank() ? null : command;
    }
}
