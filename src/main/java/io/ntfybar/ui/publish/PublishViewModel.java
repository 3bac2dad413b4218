package io.ntfybar.ui.publish;

import io.ntfybar.model.Message;
import io.ntfybar.model.Priority;
import io.ntfybar.model.PublishRequest;
import io.ntfybar.model.Subscription;
import io.ntfybar.protocol.AuthorizationHeader;
import io.ntfybar.protocol.TopicUrl;
import io.ntfybar.publish.Publisher;
import io.ntfybar.publish.Publisher.PublishException;
import io.ntfybar.ui.AppCore;
import io.ntfybar.ui.UiText;
import io.ntfybar.ui.UiThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Publish window's state and logic: the form's fields, their validation as typed, tag suggestions, and sending
 * through {@link Publisher}. Fields are checked by {@link PublishFields}; nothing here touches nodes.
 *
 * <p>Threading: use it on the FX thread (the {@code fx} executor of its {@link UiThreads}); network and store work
 * runs on {@code io} and comes back through {@code fx}.
 */
public final class PublishViewModel {
    /** Where the form is: being filled in, sending, just sent, or the last send failed. */
    public enum State {
        EDITING,
        SENDING,
        SENT,
        FAILED
    }

    private final AppCore core;
    private final UiThreads threads;
    private final UiText text = UiText.of(PublishWindow.class);
    private final PublishFields fields = new PublishFields(text);

    // The form's fields, bound two-way by the view and set directly by tests; the rest is read-only state.
    public final StringProperty topic = new SimpleStringProperty(this, "topic", "");
    public final StringProperty title = new SimpleStringProperty(this, "title", "");
    public final StringProperty message = new SimpleStringProperty(this, "message", "");
    public final BooleanProperty markdown = new SimpleBooleanProperty(this, "markdown", false);
    public final ObjectProperty<Priority> priority = new SimpleObjectProperty<>(this, "priority", Priority.DEFAULT);
    public final StringProperty tags = new SimpleStringProperty(this, "tags", "");
    public final StringProperty click = new SimpleStringProperty(this, "click", "");
    public final StringProperty actions = new SimpleStringProperty(this, "actions", "");
    public final StringProperty attachUrl = new SimpleStringProperty(this, "attachUrl", "");
    public final StringProperty delay = new SimpleStringProperty(this, "delay", "");
    public final StringProperty email = new SimpleStringProperty(this, "email", "");

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final StringProperty fileInfo = new SimpleStringProperty(this, "fileInfo", "");
    private final StringProperty topicHelp = new SimpleStringProperty(this, "topicHelp", "");
    private final StringProperty topicError = new SimpleStringProperty(this, "topicError", "");
    private final StringProperty clickError = new SimpleStringProperty(this, "clickError", "");
    private final StringProperty actionsError = new SimpleStringProperty(this, "actionsError", "");
    private final StringProperty attachUrlError = new SimpleStringProperty(this, "attachUrlError", "");
    private final StringProperty delayError = new SimpleStringProperty(this, "delayError", "");
    private final StringProperty emailError = new SimpleStringProperty(this, "emailError", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.EDITING);
    private final ObservableList<String> topicChoices = FXCollections.observableArrayList();
    private final ObservableList<TagSuggestions.Suggestion> tagSuggestions = FXCollections.observableArrayList();
    private final BooleanBinding canSend;

    private final TopicChoices choices = new TopicChoices();
    private TopicUrl resolved;
    private String lastTopic;

    public PublishViewModel(AppCore core, UiThreads threads) {
        this.core = core;
        this.threads = threads;
        topic.addListener((o, a, b) -> checkTopic());
        click.addListener((o, a, b) -> clickError.set(fields.click(b)));
        actions.addListener((o, a, b) -> actionsError.set(fields.actionsError(b)));
        attachUrl.addListener((o, a, b) -> attachUrlError.set(fields.attachUrl(b)));
        delay.addListener((o, a, b) -> delayError.set(fields.delay(b)));
        email.addListener((o, a, b) -> emailError.set(fields.email(b)));
        tags.addListener((o, a, b) -> tagSuggestions.setAll(TagSuggestions.forText(b)));
        canSend = Bindings.createBooleanBinding(
                () -> state.get() != State.SENDING
                        && !topic.get().isBlank()
                        && topicError.get().isEmpty()
                        && clickError.get().isEmpty()
                        && actionsError.get().isEmpty()
                        && attachUrlError.get().isEmpty()
                        && delayError.get().isEmpty()
                        && emailError.get().isEmpty(),
                state,
                topic,
                topicError,
                clickError,
                actionsError,
                attachUrlError,
                delayError,
                emailError);
    }

    /**
     * Prepares the form for showing: fills in {@code topicUrl} (null: the last topic used this session, else what the
     * field holds) and reloads the subscribed topics and the default server.
     */
    public void open(String topicUrl) {
        if (topicUrl != null && !topicUrl.isBlank()) {
            // A bare topic waits for the default server, which the load below brings.
            String u = topicUrl.strip();
            topic.set(u.contains("/") ? choices.display(u) : u);
        } else if (lastTopic != null) {
            topic.set(lastTopic);
        }
        threads.io().execute(() -> {
            List<Subscription> subs = core.subscriptions().all();
            String server = core.settings().defaultServer();
            threads.fx().execute(() -> loaded(subs, server));
        });
    }

    private void loaded(List<Subscription> subs, String server) {
        choices.update(subs, server);
        topicHelp.set(text.get("topic.help", choices.defaultServer().shortForm()));
        // Replacing equal items would make the combo drop its value, and with it what the user typed.
        if (!topicChoices.equals(choices.shortUrls())) {
            String typed = topic.get();
            topicChoices.setAll(choices.shortUrls());
            topic.set(typed);
        }
        if (topic.get().isBlank() && !topicChoices.isEmpty()) {
            topic.set(topicChoices.get(0));
        } else if (!topic.get().isBlank()) {
            topic.set(choices.display(topic.get()));
        }
        checkTopic();
    }

    private void checkTopic() {
        String s = topic.get() == null ? "" : topic.get().strip();
        resolved = null;
        if (s.isEmpty()) {
            topicError.set("");
            return;
        }
        try {
            resolved = choices.resolve(s);
            topicError.set("");
        } catch (RuntimeException e) {
            topicError.set(PublishFields.sentence(e.getMessage()));
        }
    }

    /** Attaches a file (uploaded when sending); null removes it. Its size is read on the I/O thread. */
    public void attach(Path path) {
        file.set(path);
        fileInfo.set(path == null ? "" : path.getFileName().toString());
        if (path == null) {
            return;
        }
        attachUrl.set("");
        threads.io().execute(() -> {
            long size;
            try {
                size = Files.size(path);
            } catch (Exception e) {
                size = -1;
            }
            long s = size;
            threads.fx().execute(() -> {
                if (path.equals(file.get())) {
                    fileInfo.set(
                            s < 0
                                    ? text.get(
                                            "file.unreadable",
                                            path.getFileName().toString())
                                    : text.get(
                                            "file.info", path.getFileName().toString(), PublishFields.size(text, s)));
                }
            });
        });
    }

    /** Puts a suggested alias in place of the tag being typed. */
    public void acceptSuggestion(TagSuggestions.Suggestion s) {
        tags.set(TagSuggestions.accept(tags.get(), s.alias()));
    }

    /** Sends the form; does nothing while a send is running or a field is invalid (its error is shown). */
    public void send() {
        checkTopic();
        if (!canSend.get()) {
            if (state.get() != State.SENDING) {
                error.set(topic.get().isBlank() ? text.get("error.noTopic") : text.get("error.fixFields"));
            }
            return;
        }
        TopicUrl target = resolved;
        PublishRequest request = request(target.topic());
        Path attached = file.get();
        state.set(State.SENDING);
        error.set("");
        status.set(attached == null ? text.get("status.sending") : text.get("status.uploading", fileInfo.get()));
        threads.io().execute(() -> {
            try {
                String base = target.server().value();
                Publisher publisher = new Publisher(core.requestsFor(base));
                Optional<AuthorizationHeader> auth = core.authFor(base);
                Message m = attached == null
                        ? publisher.publish(target.server(), auth, request)
                        : publisher.upload(target.server(), auth, request, attached);
                threads.fx().execute(() -> sent(target, m, request.delay() != null));
            } catch (PublishException | io.ntfybar.net.TrustException e) {
                threads.fx().execute(() -> failed(e.getMessage()));
            } catch (RuntimeException e) {
                threads.fx().execute(() -> failed(text.get("error.unexpected", String.valueOf(e.getMessage()))));
            }
        });
    }

    PublishRequest request(String topicName) {
        PublishRequest r = PublishRequest.to(topicName, message.get())
                .withTitle(blankToNull(title.get()))
                .withPriority(priority.get() == Priority.DEFAULT ? null : priority.get())
                .withTags(TagSuggestions.split(tags.get()))
                .withClick(blankToNull(click.get()))
                .withActions(fields.actions(actions.get()))
                .withMarkdown(markdown.get())
                .withEmail(blankToNull(email.get()))
                .withDelay(blankToNull(delay.get()));
        String url = blankToNull(attachUrl.get());
        return url == null || file.get() != null ? r : r.withAttachment(url, null);
    }

    /** @param delayed a delay was asked for: only then is the server's time a delivery time (clocks may differ) */
    private void sent(TopicUrl target, Message m, boolean delayed) {
        lastTopic = topic.get().strip();
        status.set(
                delayed
                        ? text.get("status.sentDelayed", m.id(), target.shortUrl(), PublishFields.when(m.time()))
                        : text.get("status.sent", m.id(), target.shortUrl()));
        title.set("");
        message.set("");
        tags.set("");
        click.set("");
        actions.set("");
        attachUrl.set("");
        delay.set("");
        email.set("");
        priority.set(Priority.DEFAULT);
        attach(null);
        state.set(State.SENT);
    }

    private void failed(String sentence) {
        status.set("");
        error.set(sentence);
        state.set(State.FAILED);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fileInfoProperty() {
        return fileInfo;
    }

    public ReadOnlyStringProperty topicHelpProperty() {
        return topicHelp;
    }

    public ReadOnlyStringProperty topicErrorProperty() {
        return topicError;
    }

    public ReadOnlyStringProperty clickErrorProperty() {
        return clickError;
    }

    public ReadOnlyStringProperty actionsErrorProperty() {
        return actionsError;
    }

    public ReadOnlyStringProperty attachUrlErrorProperty() {
        return attachUrlError;
    }

    public ReadOnlyStringProperty delayErrorProperty() {
        return delayError;
    }

    public ReadOnlyStringProperty emailErrorProperty() {
        return emailError;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ObservableList<String> topicChoices() {
        return topicChoices;
    }

    public ObservableList<TagSuggestions.Suggestion> tagSuggestions() {
        return tagSuggestions;
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }
}
