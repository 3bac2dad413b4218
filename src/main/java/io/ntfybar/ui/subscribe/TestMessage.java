package io.ntfybar.ui.subscribe;

import io.ntfybar.model.Message;
import io.ntfybar.model.PublishRequest;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.ProtocolException;
import io.ntfybar.protocol.ServerUrl;
import io.ntfybar.publish.Publisher;
import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.UiText;
import java.util.Optional;

/** The Subscribe window's "Send a test message": publishes with the entered login. Blocking; call on the I/O thread. */
final class TestMessage {
    private static final UiText TEXT = UiText.of(TestMessage.class);

    record Result(boolean ok, String sentence) {}

    private final AppCore core;
    private final LoginCheck loginCheck;

    TestMessage(AppCore core, LoginCheck loginCheck) {
        this.core = core;
        this.loginCheck = loginCheck;
    }

    Result send(ServerUrl server, String topic, Login login) {
        AuthorizationHeader auth;
        try {
            auth = loginCheck.header(server, login);
        } catch (ProtocolException e) {
            return new Result(false, TEXT.get("check.badInput", e.getMessage()));
        }
        PublishRequest r = PublishRequest.to(topic, TEXT.get("test.body")).withTitle(TEXT.get("test.title"));
        try {
            Message m = new Publisher(core.requestsFor(server.value())).publish(server, Optional.ofNullable(auth), r);
            return new Result(true, TEXT.get("test.sent", server.shortForm() + "/" + topic, m.id()));
        } catch (Publisher.PublishException | io.ntfybar.net.TrustException e) {
            return new Result(false, TEXT.get("test.failed", e.getMessage()));
        }
    }
}
