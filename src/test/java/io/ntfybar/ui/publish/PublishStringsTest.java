package io.ntfybar.ui.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ntfybar.model.Priority;
import io.ntfybar.ui.UiText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text key the Publish window's sources use exists in its strings.properties. */
class PublishStringsTest {
    static List<String> missing(Class<?> owner, Path sources, List<String> dynamicKeys) throws Exception {
        UiText text = UiText.of(owner);
        Pattern literal = Pattern.compile("(?:text\\.get|note|field)\\(\\s*\"([A-Za-z0-9_.]*[A-Za-z0-9_])\"");
        List<String> keys = new ArrayList<>(dynamicKeys);
        try (Stream<Path> files = Files.list(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys.stream().filter(k -> !text.has(k)).distinct().toList();
    }

    @Test
    void everyKeyExists() throws Exception {
        List<String> dynamic = new ArrayList<>();
        for (Priority p : Priority.values()) {
            dynamic.add("priority." + p.level());
        }
        for (String row : List.of(
                "topic", "title", "message", "priority", "tags", "click", "actions", "attach", "delay", "email")) {
            dynamic.add(row + ".label");
        }
        List<String> missing = missing(PublishWindow.class, Path.of("src/main/java/io/ntfybar/ui/publish"), dynamic);
        assertEquals(List.of(), missing);
    }
}
