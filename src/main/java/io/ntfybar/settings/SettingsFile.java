package io.ntfybar.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * Reads and writes {@code settings.yml}. A file that cannot be read is never overwritten silently: {@link #load()}
 * reports it (with line and column) and the caller runs on defaults; {@link #save} first moves the broken file aside
 * as {@code settings.yml.broken-<time>}. Saves are atomic (write a temporary file, then rename). Thread-safe.
 */
public final class SettingsFile {
    public static final String NAME = "settings.yml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private volatile boolean broken;

    public SettingsFile(Path configFolder) {
        this.file = configFolder.resolve(NAME);
    }

    public Path path() {
        return file;
    }

    /** The settings; defaults when there is no file yet. @throws SettingsException when the file cannot be used */
    public Settings load() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            broken = false;
            return Settings.defaults();
        } catch (IOException e) {
            broken = true;
            throw new SettingsException(
                    "Cannot read the settings file " + file + ": " + e.getMessage()
                            + ". ntfybar runs with default settings until it is fixed.",
                    e);
        }
        if (text.isBlank()) {
            broken = false;
            return Settings.defaults();
        }
        try {
            Settings s = YAML.readValue(text, Settings.class);
            broken = false;
            return s == null ? Settings.defaults() : s;
        } catch (JsonProcessingException e) {
            broken = true;
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new SettingsException(
                    "The settings file " + file + " is not valid" + where + ": "
                            + firstLine(e.getOriginalMessage())
                            + ". ntfybar runs with default settings; the file is kept"
                            + " as it is until you fix it or change a setting.",
                    e);
        }
    }

    /** Writes the settings atomically; a file that {@link #load()} found broken is first kept aside. */
    public synchronized void save(Settings settings) {
        try {
            Files.createDirectories(file.getParent());
            if (broken && Files.exists(file)) {
                Path aside =
                        file.resolveSibling(NAME + ".broken-" + Instant.now().getEpochSecond());
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            }
            Path tmp = file.resolveSibling(NAME + ".tmp");
            Files.writeString(tmp, YAML.writeValueAsString(settings), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            broken = false;
        } catch (IOException e) {
            throw new SettingsException("Cannot save the settings file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
