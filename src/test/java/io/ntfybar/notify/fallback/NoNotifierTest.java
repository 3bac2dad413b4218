package io.ntfybar.notify.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ntfybar.render.NotificationSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoNotifierTest {
    @Test
    void saysOnceOnStderrThatNothingCanShowNotifications() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        NoNotifier n =
                new NoNotifier("there is no notification service and no system tray", new PrintStream(err, true));
        NotificationSpec spec = new NotificationSpec(
                "id", "g", "t", null, "b", NotificationSpec.Level.ACTIVE, null, false, List.of(), null, null);
        n.show(spec);
        n.show(spec);
        assertEquals(
                "ntfybar cannot show notifications here: there is no notification service and no system tray."
                        + " Messages are still received and kept in history.\n",
                err.toString(StandardCharsets.UTF_8));
        assertFalse(n.availability().usable());
    }
}
