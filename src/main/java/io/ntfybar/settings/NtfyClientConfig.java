package io.ntfybar.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ntfy's own CLI configuration, {@code client.yml}, read (never written) so that people who used the official
 * {@code ntfy} command keep their defaults: {@code default-host}, {@code default-user}, {@code default-password},
 * {@code default-token}, {@code default-command} and the {@code subscribe:} list ({@code topic}, {@code command},
 * {@code user}, {@code password}, {@code token}, {@code if} filters). Unknown keys are ignored, as ntfy does. Immutable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NtfyClientConfig(
        @JsonProperty("default-host") String defaultHost,
        @JsonProperty("default-user") String defaultUser,
        @JsonProperty("default-password") String defaultPassword,
        @JsonProperty("default-token") String defaultToken,
        @JsonProperty("default-command") String defaultCommand,
        @JsonProperty("subscribe") List<Subscribe> subscribe) {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public NtfyClientConfig {
        defaultHost = blankToNull(defaultHost);
        defaultUser = blankToNull(defaultUser);
        defaultPassword = blankToNull(defaultPassword);
        defaultToken = blankToNull(defaultToken);
        defaultCommand = blankToNull(defaultCommand);
        subscribe = subscribe == null
                ? List.of()
                : subscribe.stream().filter(s -> s != null).toList();
    }

    /**
     * One entry of the {@code subscribe:} list.
     *
     * @param ifFilters ntfy's {@code if:} block, e.g. {@code priority: high,urgent} or {@code tags: zfs}; sent as the
     *     subscription's filter parameters
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subscribe(
            @JsonProperty("topic") String topic,
            @JsonProperty("command") String command,
            @JsonProperty("user") String user,
            @JsonProperty("password") String password,
            @JsonProperty("token") String token,
            @JsonProperty("if") Map<String, String> ifFilters) {
        public Subscribe {
            topic = blankToNull(topic);
            command = blankToNull(command);
            user = blankToNull(user);
            password = password == null || password.isEmpty() ? null : password;
            token = blankToNull(token);
            ifFilters = ifFilters == null
                    ? Map.of()
                    : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ifFilters));
        }
    }

    /** No file: nothing set. */
    public static NtfyClientConfig empty() {
        return new NtfyClientConfig(null, null, null, null, null, List.of());
    }

    /**
     * Reads {@code file}. A missing file is {@link #empty()} only when {@code required} is false.
     *
     * @throws SettingsException when the file cannot be read or is not valid YAML (with line and column), or a
     *     subscribe entry has no topic
     */
    public static NtfyClientConfig load(Path file, boolean required) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            if (required) {
                throw new SettingsException("The ntfy client config " + file + " does not exist.", e);
            }
            return empty();
        } catch (IOException e) {
            throw new SettingsException("Cannot read the ntfy client config " + file + ": " + e.getMessage() + ".", e);
        }
        if (text.isBlank()) {
            return empty();
        }
        NtfyClientConfig c;
        try {
            c = YAML.readValue(text, NtfyClientConfig.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            String why = e.getOriginalMessage() == null
                    ? "unreadable"
                    : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new SettingsException(
                    "The ntfy client config " + file + " is not valid" + where + ": " + why + ".", e);
        }
        if (c == null) {
            return empty();
        }
        for (int i = 0; i < c.subscribe().size(); i++) {
            if (c.subscribe().get(i).topic() == null) {
                throw new SettingsException(
                        "The ntfy client config " + file + " has a subscribe entry without a topic (entry " + (i + 1)
                                + ").",
                        null);
            }
        }
        return c;
    }

    /**
     * Where ntfy looks for its client config, as ntfy does: {@code $NTFY_CONFIG} when set, {@code /etc/ntfy/client.yml}
     * for root, else {@code ~/.config/ntfy/client.yml} ({@code ~/Library/Application Support/ntfy/client.yml} on macOS).
     */
    public static Path defaultPath(String osName, String userHome, boolean root, Map<String, String> env) {
        String explicit = env.get("NTFY_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        if (root) {
            return Path.of("/etc/ntfy/client.yml");
        }
        Path home = Path.of(userHome);
        if (osName.toLowerCase(Locale.ROOT).startsWith("mac")) {
            return home.resolve("Library/Application Support/ntfy/client.yml");
        }
        return home.resolve(".config/ntfy/client.yml");
    }

    /** {@link #defaultPath} for this process; the system property {@code ntfybar.ntfy-config} overrides it (tests). */
    public static Path defaultPath() {
        String override = System.getProperty("ntfybar.ntfy-config");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        return defaultPath(
                System.getProperty("os.name", ""), System.getProperty("user.home", "."), root, System.getenv());
    }

    public Optional<String> host() {
        return Optional.ofNullable(defaultHost);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
