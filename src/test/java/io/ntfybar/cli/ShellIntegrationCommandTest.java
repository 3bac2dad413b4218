package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ntfybar shell-integration} prints and refuses, in-process. The printed code itself runs in real shells in
 * {@link ShellIntegrationShellTest}.
 */
class ShellIntegrationCommandTest {
    @TempDir
    Path dir;

    CliHome cli;
    String oldLauncher;

    @BeforeEach
    void start() {
        cli = new CliHome(dir.resolve("home"));
        cli.settings("cli:\n  topic: shell\n");
        oldLauncher = System.getProperty("ntfybar.launcher");
        System.setProperty("ntfybar.launcher", "'/opt/my java/bin/java' -jar /opt/ntfybar.jar");
    }

    @AfterEach
    void stop() {
        if (oldLauncher == null) {
            System.clearProperty("ntfybar.launcher");
        } else {
            System.setProperty("ntfybar.launcher", oldLauncher);
        }
        cli.close();
    }

    @Test
    void bashCodeNamesTheLauncherTheThresholdAndTheBakedInOptions() {
        assertEquals(
                0,
                cli.run(
                        "shell-integration",
                        "--shell",
                        "bash",
                        "--longer-than",
                        "30",
                        "--topic",
                        "https://ntfy.example.com/my-builds",
                        "--local"),
                cli.err());
        String code = cli.out();
        assertTrue(code.contains("__ntfybar_run() { '/opt/my java/bin/java' -jar /opt/ntfybar.jar \"$@\"; }"), code);
        assertTrue(code.contains("__ntfybar_threshold_ms=30000"), code);
        assertTrue(code.contains("__ntfybar_foreground_too=0"), code);
        assertTrue(code.contains("--topic https://ntfy.example.com/my-builds --local"), code);
        assertTrue(code.contains("__ntfybar_default_ignore='" + ShellSnippet.DEFAULT_IGNORE + "'"), code);
        assertTrue(code.contains("trap "), "bash uses a DEBUG trap");
        assertFalse(code.contains("@@"), "every placeholder is filled: " + code);
    }

    @Test
    void zshCodeUsesItsHooksAndForegroundTooReportsEvenWhenFocused() {
        assertEquals(0, cli.run("shell-integration", "--shell", "zsh", "--foreground-too"), cli.err());
        String code = cli.out();
        assertTrue(code.contains("add-zsh-hook preexec __ntfybar_preexec"), code);
        assertTrue(code.contains("add-zsh-hook precmd __ntfybar_precmd"), code);
        assertTrue(code.contains("__ntfybar_threshold_ms=10000"), "10 s by default: " + code);
        assertTrue(code.contains("__ntfybar_foreground_too=1"), code);
        assertFalse(code.contains("--topic"), "without --topic, done reads cli.topic at each report");
        assertFalse(code.contains("@@"), code);
    }

    @Test
    void anInvalidTopicIsRefusedNowNotAtEveryReport() {
        assertEquals(1, cli.run("shell-integration", "--shell", "bash", "--topic", "it's"));
        assertEquals("", cli.out(), "nothing to eval");
        assertTrue(cli.err().startsWith("ntfybar shell-integration: the topic 'it's'"), cli.err());
    }

    @Test
    void withoutATopicItSaysHowToSetOneInsteadOfPrintingCode() {
        cli.settings("min-priority: 1\n");
        assertEquals(1, cli.run("shell-integration", "--shell", "bash"));
        assertEquals("", cli.out(), "nothing to eval");
        assertTrue(cli.err().startsWith("ntfybar shell-integration: no topic to publish to: give --topic"), cli.err());
        assertEquals(0, cli.run("shell-integration", "--shell", "bash", "--local"), "--local needs no topic");
    }

    @Test
    void anotherShellIsAUsageError() {
        assertEquals(2, cli.run("shell-integration", "--shell", "fish"));
        assertEquals(
                "ntfybar shell-integration: --shell fish; there is shell integration for bash and zsh only: give"
                        + " --shell bash or --shell zsh",
                cli.err());
        assertEquals(2, cli.run("shell-integration", "--shell", "bash", "--longer-than", "-5"));
    }

    @Test
    void runningFromAClassFolderWithoutAnOverrideIsAClearError() {
        System.clearProperty("ntfybar.launcher");
        assertEquals(1, cli.run("shell-integration", "--shell", "zsh"));
        assertTrue(cli.err().contains("cannot tell how a shell would start this ntfybar"), cli.err());
        assertEquals("", cli.out());
    }

    @Test
    void helpHasExamplesAndTheIgnoreList() {
        assertEquals(0, cli.run("shell-integration", "--help"));
        assertTrue(cli.out().contains("Examples:"), cli.out());
        assertTrue(cli.out().contains("eval \"$(ntfybar shell-integration)\""), cli.out());
        assertTrue(cli.out().contains("NTFYBAR_IGNORE"), cli.out());
        assertTrue(cli.out().replaceAll("\\s+", " ").contains(ShellSnippet.DEFAULT_IGNORE), cli.out());
    }
}
