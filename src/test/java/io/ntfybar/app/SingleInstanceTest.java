package io.ntfybar.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceTest {
    @TempDir
    Path data;

    @Test
    void aSecondStartAsksTheFirstToShowItsMessagesWindow() throws Exception {
        AtomicInteger shown = new AtomicInteger();
        SingleInstance.Claim first = SingleInstance.claim(data, Duration.ofSeconds(2));
        SingleInstance instance =
                assertInstanceOf(SingleInstance.Claim.First.class, first).instance();
        instance.onShow(shown::incrementAndGet);
        instance.listen();
        try {
            assertInstanceOf(SingleInstance.Claim.AlreadyRunning.class, SingleInstance.claim(data, Duration.ZERO));
            assertInstanceOf(SingleInstance.Claim.AlreadyRunning.class, SingleInstance.claim(data, Duration.ZERO));
            assertEquals(2, shown.get());
        } finally {
            instance.close();
        }
        assertFalse(Files.exists(data.resolve(SingleInstance.SOCKET)), "the socket goes with the app");
        SingleInstance.Claim again = SingleInstance.claim(data, Duration.ZERO);
        assertInstanceOf(SingleInstance.Claim.First.class, again, "after quitting, the next start is the app");
        ((SingleInstance.Claim.First) again).instance().close();
    }

    @Test
    void aStaleSocketFromACrashedAppDoesNotBlockTheNextStart() throws Exception {
        Files.writeString(data.resolve(SingleInstance.SOCKET), "left over");
        SingleInstance.Claim claim = SingleInstance.claim(data, Duration.ZERO);
        SingleInstance instance =
                assertInstanceOf(SingleInstance.Claim.First.class, claim).instance();
        instance.close();
    }

    @Test
    void anAppThatHoldsTheLockButNeverAnswersIsASentence() throws Exception {
        SingleInstance instance =
                ((SingleInstance.Claim.First) SingleInstance.claim(data, Duration.ZERO)).instance(); // not listening
        try {
            IOException e = assertThrows(IOException.class, () -> SingleInstance.claim(data, Duration.ofMillis(300)));
            assertTrue(e.getMessage().contains("another ntfybar holds"), e.getMessage());
        } finally {
            instance.close();
        }
    }
}
