package io.ntfybar.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ntfy's tag-to-emoji table (protocol section 9): the 1855 aliases of GitHub's gemoji data that ntfy uses, e.g.
 * {@code warning} is ⚠️ and {@code +1} is 👍. Loaded from the classpath resource {@code emoji-aliases.tsv} once, on
 * first use, into an immutable map. Thread-safe.
 */
public final class EmojiTable {
    private static final String RESOURCE = "emoji-aliases.tsv";

    private EmojiTable() {}

    /** The emoji for an alias, matched exactly and case-sensitively, as ntfy's web app does. */
    public static Optional<String> forAlias(String alias) {
        return alias == null ? Optional.empty() : Optional.ofNullable(Holder.BY_ALIAS.get(alias));
    }

    /**
     * The emoji for a message tag, as ntfy's Android app looks it up: one leading and one trailing {@code :} are
     * dropped first (so {@code :warning:} works too), then the alias is matched exactly.
     */
    public static Optional<String> forTag(String tag) {
        if (tag == null || tag.isEmpty()) {
            return Optional.empty();
        }
        int start = tag.charAt(0) == ':' ? 1 : 0;
        int end = tag.length() > start && tag.charAt(tag.length() - 1) == ':' ? tag.length() - 1 : tag.length();
        return forAlias(tag.substring(start, end));
    }

    /**
     * The aliases that start with {@code prefix} (case-insensitive), shortest first and then alphabetically, at most
     * {@code limit}: for tag suggestions while the user types ({@code tad} gives {@code tada}). Empty for an empty
     * prefix.
     */
    public static List<String> aliasesStartingWith(String prefix, int limit) {
        if (prefix == null || prefix.isEmpty() || limit <= 0) {
            return List.of();
        }
        String p = prefix.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String alias : Holder.SORTED) {
            if (alias.toLowerCase(Locale.ROOT).startsWith(p)) {
                out.add(alias);
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    /** The number of aliases in the table (1855 for ntfy's data). */
    public static int size() {
        return Holder.BY_ALIAS.size();
    }

    /** Lazy, once: the JVM runs this initialiser on first use, under its class-initialisation lock. */
    private static final class Holder {
        static final Map<String, String> BY_ALIAS = load();
        static final List<String> SORTED = BY_ALIAS.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
                .toList();

        private static Map<String, String> load() {
            try (InputStream in = EmojiTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the emoji table " + RESOURCE + " is missing from the classpath");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                Map<String, String> map = new HashMap<>(2600);
                String line;
                while ((line = reader.readLine()) != null) {
                    int tab = line.indexOf('\t');
                    if (line.isEmpty() || line.startsWith("#") || tab <= 0) {
                        continue;
                    }
                    map.put(line.substring(0, tab), line.substring(tab + 1));
                }
                return Map.copyOf(map);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the emoji table " + RESOURCE, e);
            }
        }
    }
}
