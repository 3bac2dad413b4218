package io.ntfybar.app.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The shipped logback.xml writes to the log folder and masks secrets, even in exception traces. */
class LogFileTest {
    @Test
    void shippedConfigWritesRedactedLinesToTheLogFolder(@TempDir Path dir) throws Exception {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        String oldDir = System.getProperty(LogSetup.DIR_PROPERTY);
        System.setProperty(LogSetup.DIR_PROPERTY, dir.toString());
        try {
            ctx.reset();
            JoranConfigurator conf = new JoranConfigurator();
            conf.setContext(ctx);
            conf.doConfigure(LogFileTest.class.getResource("/logback.xml"));
            var log = LoggerFactory.getLogger("ntfybar.test");
            log.info("request with Authorization: Basic cGhpbDpzZWNyZXQ= to topic alerts");
            log.warn("failed", new IllegalStateException("token tk_abcdefghijklmnopqrstuvwxyz123 refused"));
            ctx.stop();
            String text = Files.readString(dir.resolve("ntfybar.log"));
            assertTrue(text.contains("to topic alerts"), text);
            assertTrue(text.contains("IllegalStateException"), text);
            assertFalse(text.contains("cGhpbDpzZWNyZXQ="), text);
            assertFalse(text.contains("tk_abcdefghijklmnopqrstuvwxyz123"), text);
        } finally {
            if (oldDir == null) {
                System.clearProperty(LogSetup.DIR_PROPERTY);
            } else {
                System.setProperty(LogSetup.DIR_PROPERTY, oldDir);
            }
            ctx.reset();
        }
    }
}
