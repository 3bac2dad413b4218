package io.ntfybar.backup;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ntfybar.settings.NtfyClientConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Import and export, as the app's Preferences and {@code ntfybar backup} use them. An import reads either a backup of
 * ntfy's Android app (JSON, magic {@code ntfy2586}) or ntfy's {@code client.yml}, told apart by content; an export
 * writes the Android format. Everything here blocks (files, store, keychain): never on a UI thread.
 */
public final class Backups {
    /** Larger files are refused: a year of busy topics is a few hundred MB, and all of it is read at once. */
    static final long MAX_BYTES = 1L << 30;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Backups() {}

    /**
     * Imports {@code file} into {@code state} and says what was imported and what was skipped.
     *
     * @throws BackupException with a sentence when the file cannot be read or is neither kind; nothing is changed then
     */
    public static ImportReport importFile(LocalState state, Path file) {
        String text = read(file);
        String body = text.strip();
        if (body.startsWith("{")) {
            JsonNode root;
            try {
                root = JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new BackupException(
                        file.getFileName() + " is not valid JSON" + where(e) + ": " + firstLine(e) + ".", e);
            }
            try {
                AndroidBackupImporter.check(root);
            } catch (BackupException e) {
                throw new BackupException(file.getFileName() + ": " + e.getMessage(), e);
            }
            return new AndroidBackupImporter(state).run(root);
        }
        NtfyClientConfig config;
        try {
            config = YAML.readValue(body, NtfyClientConfig.class);
        } catch (JsonProcessingException e) {
            throw new BackupException(file.getFileName()
                    + " is neither a backup of ntfy's Android app (JSON) nor ntfy's client.yml" + where(e) + ".");
        }
        if (config == null || config.subscribe().isEmpty()) {
            throw new BackupException(file.getFileName() + " has no subscribe: entries, so there is nothing to import"
                    + " (a backup of ntfy's Android app is a JSON file; a client.yml lists topics under subscribe:).");
        }
        return new ClientConfigImporter(state).run(config);
    }

    /**
     * Writes ntfybar's state to {@code file} as a backup that ntfy's Android app restores.
     *
     * @param includePasswords also write passwords and tokens (the file then holds them in clear text)
     * @param overwrite replace an existing file
     * @throws BackupException when the file exists (and not {@code overwrite}) or cannot be written
     */
    public static ExportReport exportFile(LocalState state, Path file, boolean includePasswords, boolean overwrite) {
        return new AndroidBackupExporter(state).run(file, includePasswords, overwrite);
    }

    /** A name for a new export: {@code ntfybar-backup-2026-03-01.json}. */
    public static String suggestedName(LocalDate day) {
        return "ntfybar-backup-" + day + ".json";
    }

    private static String read(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new BackupException(file + " is a folder, not a file.");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new BackupException(file + " is larger than 1 GB; ntfybar does not import files that large.");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BackupException(file + " does not exist.", e);
        } catch (IOException e) {
            throw new BackupException("Cannot read " + file + ": " + e.getMessage() + ".", e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BackupException(
                    file.getFileName() + " is not a text file (UTF-8), so it is neither a backup of"
                            + " ntfy's Android app nor ntfy's client.yml.",
                    e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new BackupException(file.getFileName() + " is empty.");
        }
        return text;
    }

    private static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0
                ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static String firstLine(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        return m == null ? "unreadable" : m.lines().findFirst().orElse("unreadable");
    }
}
