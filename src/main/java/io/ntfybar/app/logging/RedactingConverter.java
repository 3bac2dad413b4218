package io.ntfybar.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/** Logback converter {@code %redact(...)}: passes its child's output through {@link SecretRedactor}. */
public final class RedactingConverter extends CompositeConverter<ILoggingEvent> {
    @Override
    protected String transform(ILoggingEvent event, String in) {
        return SecretRedactor.redact(in);
    }
}
