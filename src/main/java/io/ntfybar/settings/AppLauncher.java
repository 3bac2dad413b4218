package io.ntfybar.settings;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command that starts this ntfybar again, for a login item or a shell snippet: the installed launcher (jpackage
 * sets {@code jpackage.app-path}), else {@code java <this JVM's options> -jar <this jar>}, else nothing (a development
 * build running from class folders). The system property {@code ntfybar.launcher} (a shell-quoted command) overrides
 * it, for tests.
 */
public final class AppLauncher {
    private static final List<String> NOT_REPEATED = List.of(
            "-agentlib", "-javaagent", "-Xdebug", "-Xrunjdwp", "-XX:ArchiveClassesAtExit", "-Dntfybar.startup-report");

    private AppLauncher() {}

    /** The command words (program first), or empty when this ntfybar cannot be started again from outside. */
    public static Optional<List<String>> current() {
        String override = System.getProperty("ntfybar.launcher");
        if (override != null && !override.isBlank()) {
            return Optional.of(ShellWords.split(override));
        }
        String app = System.getProperty("jpackage.app-path");
        if (app != null && !app.isBlank()) {
            return Optional.of(List.of(app));
        }
        Optional<Path> jar = jar();
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if ((arg.startsWith("-X") || arg.startsWith("-D"))
                    && NOT_REPEATED.stream().noneMatch(arg::startsWith)) {
                cmd.add(arg);
            }
        }
        cmd.add("-jar");
        cmd.add(jar.get().toString());
        return Optional.of(List.copyOf(cmd));
    }

    /** The jar this ntfybar runs from, or empty when it runs from class folders. */
    public static Optional<Path> jar() {
        try {
            var source = AppLauncher.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI()).toAbsolutePath();
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
