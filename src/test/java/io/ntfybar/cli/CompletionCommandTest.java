package io.ntfybar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.testsupport.DesktopTests;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ntfybar completion}: the printed script, sourced in a real bash and zsh, completes ntfybar's commands. */
class CompletionCommandTest {
    @TempDir
    Path dir;

    private String script(String shell) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NtfybarCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), "completion", shell);
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    /** Runs {@code body} in {@code shell} (no rc files) after sourcing the script; returns its stdout. */
    private String inShell(List<String> shell, String scriptText, String body) throws Exception {
        return inShell(shell, "", scriptText, body);
    }

    private String inShell(List<String> shell, String prelude, String scriptText, String body) throws Exception {
        Path file = dir.resolve("ntfybar-completion");
        Files.writeString(file, scriptText, StandardCharsets.UTF_8);
        Path program = dir.resolve("program");
        Files.writeString(program, prelude + "source " + file + "\n" + body + "\n", StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(shell));
        pb.command().add(program.toString());
        pb.environment().put("HOME", dir.toString());
        pb.directory(dir.toFile());
        pb.redirectError(dir.resolve("stderr").toFile());
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), stdout + Files.readString(dir.resolve("stderr")));
        return stdout;
    }

    private static boolean installed(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void bashDefinesTheCompletionAndCompletesSubcommandsAndOptions() throws Exception {
        String out = inShell(
                List.of("bash", "--norc", "--noprofile"),
                script("bash"),
                """
                complete -p ntfybar
                COMP_LINE='ntfybar sub'; COMP_WORDS=(ntfybar sub); COMP_CWORD=1; COMP_POINT=${#COMP_LINE}
                _complete_ntfybar 2>/dev/null
                echo "subcommands: ${COMPREPLY[*]}"
                COMP_LINE='ntfybar subscribe --from'; COMP_WORDS=(ntfybar subscribe --from); COMP_CWORD=2
                COMP_POINT=${#COMP_LINE}
                _complete_ntfybar 2>/dev/null
                echo "options: ${COMPREPLY[*]}"
                """);
        List<String> lines = out.lines().toList();
        assertTrue(lines.get(0).matches("complete .*-F _complete_ntfybar.* ntfybar"), out);
        assertEquals("subcommands: subscribe sub", lines.get(1), out);
        assertEquals("options: --from-config", lines.get(2), out);
    }

    @Test
    void zshLoadsTheScriptThroughBashcompinit() throws Exception {
        DesktopTests.require(installed("zsh"), "zsh is not installed (apt-get install zsh)");
        String out = inShell(
                List.of("zsh", "-f"),
                """
                autoload -U +X compinit && compinit
                _mine() { }
                compdef _mine mine
                """,
                script("zsh"),
                """
                echo "registered: ${_comps[ntfybar]} / ${_comps[mine]}"
                setopt ksharrays
                COMP_LINE='ntfybar sub'; COMP_WORDS=(ntfybar sub); COMP_CWORD=1; COMP_POINT=${#COMP_LINE}
                _complete_ntfybar
                echo "subcommands: ${COMPREPLY[*]}"
                """);
        List<String> lines = out.lines().toList();
        assertTrue(lines.get(0).contains("_complete_ntfybar"), out);
        assertTrue(lines.get(0).endsWith("/ _mine"), "a completion the user set up before stays: " + out);
        // zsh's compgen emulation offers every candidate and leaves matching the typed prefix to zsh itself.
        assertTrue(
                List.of(lines.get(1).substring("subcommands: ".length()).split(" "))
                        .contains("subscribe"),
                out);
    }

    @Test
    void anUnknownShellIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = NtfybarCommand.run(
                new PrintWriter(new StringWriter()), new PrintWriter(err, true), "completion", "fish");
        assertEquals(2, code);
        assertTrue(err.toString().contains("fish"), err.toString());
    }
}
