package io.ntfybar.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * .github/workflows/macos.yml cannot run here and no actionlint is at hand: this parses it as YAML and checks what
 * the macOS packages (its job {@code dmg}) depend on: after the notifier's checks, one job per architecture on the
 * matching runner, JDK 17 Temurin, the tests, the package profile, the .dmg uploaded, secrets only through
 * environment variables that the scripts really read.
 */
class MacWorkflowFileTest {
    private static final Path WORKFLOW = Path.of(".github", "workflows", "macos.yml");
    private static JsonNode root;
    private static JsonNode job;
    private static List<JsonNode> steps;

    @BeforeAll
    static void read() throws IOException {
        root = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
        assertTrue(root.has("on") && root.get("on").has("pull_request"), "runs on pushes and pull requests");
        job = root.at("/jobs/dmg");
        assertTrue(job.isObject(), "a job named dmg");
        assertEquals("notify-mac", job.get("needs").asText(), "packages only after the notifier's checks passed");
        assertTrue(root.at("/jobs/notify-mac").isObject());
        steps = new ArrayList<>();
        job.get("steps").forEach(steps::add);
    }

    @Test
    void oneJobPerArchitectureOnARunnerOfThatArchitecture() {
        assertEquals("${{ matrix.runner }}", job.get("runs-on").asText());
        Map<String, String> expected = Map.of("macos-14", "arm64", "macos-13", "x86_64");
        JsonNode include = job.at("/strategy/matrix/include");
        assertEquals(expected.size(), include.size());
        for (JsonNode row : include) {
            assertEquals(
                    expected.get(row.get("runner").asText()), row.get("arch").asText(), row.toString());
        }
        assertTrue(runs().stream().anyMatch(r -> r.contains("uname -m") && r.contains("matrix.arch")));
    }

    @Test
    void jdk17TemurinThenTheTestsThenThePackageProfileThenTheUpload() {
        JsonNode java = step("actions/setup-java@");
        assertEquals("temurin", java.at("/with/distribution").asText());
        assertEquals("17", java.at("/with/java-version").asText());
        int tests = indexOfRun("mvn -B verify");
        assertTrue(steps.get(tests).get("run").asText().contains("io.ntfybar.packaging.**"), "with this lint");
        int pack = indexOfRun("mvn -B -Ppackage");
        assertTrue(tests >= 0 && pack > tests, "mvn verify, then the package profile");
        JsonNode upload = step("actions/upload-artifact@");
        assertEquals("target/jpackage/out/*.dmg", upload.at("/with/path").asText());
        assertEquals("error", upload.at("/with/if-no-files-found").asText());
        assertTrue(steps.indexOf(upload) > pack);
    }

    @Test
    void actionsArePinnedToAMajorVersion() {
        for (JsonNode j : root.get("jobs")) {
            for (JsonNode s : j.get("steps")) {
                String uses = s.path("uses").asText();
                assertTrue(uses.isEmpty() || uses.matches("[\\w-]+/[\\w-]+@v\\d+"), uses);
            }
        }
    }

    @Test
    void secretsReachOnlyEnvironmentVariablesThatTheScriptsRead() throws IOException {
        for (String run : runs()) {
            assertFalse(run.contains("secrets."), "a secret written into a script: " + run);
        }
        String scripts = Files.readString(Path.of("packaging", "macos", "sign-and-notarize.sh"));
        Set<String> passed = new TreeSet<>();
        for (JsonNode s : steps) {
            Iterator<String> names = s.path("env").fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (name.startsWith("NTFYBAR_")) {
                    passed.add(name);
                    assertTrue(scripts.contains(name), name + " is not read by sign-and-notarize.sh");
                }
            }
        }
        assertTrue(passed.contains("NTFYBAR_MAC_SIGN_IDENTITY"), "the signing identity is passed: " + passed);
        // The keychain the certificate goes into is handed on through GITHUB_ENV.
        assertTrue(runs().stream().anyMatch(r -> r.contains("NTFYBAR_MAC_KEYCHAIN=")));
        assertTrue(scripts.contains("NTFYBAR_MAC_KEYCHAIN"));
        Matcher m = Pattern.compile("secrets\\.(\\w+)").matcher(Files.readString(WORKFLOW));
        String header = Files.readString(WORKFLOW).split("\nname:")[0];
        while (m.find()) {
            assertTrue(header.contains(m.group(1)), "the secret " + m.group(1) + " is not described at the top");
        }
    }

    private static JsonNode step(String usesPrefix) {
        return steps.stream()
                .filter(s -> s.path("uses").asText().startsWith(usesPrefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + usesPrefix));
    }

    private static int indexOfRun(String command) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).path("run").asText().contains(command)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> runs() {
        List<String> out = new ArrayList<>();
        for (JsonNode s : steps) {
            if (s.has("run")) {
                out.add(s.get("run").asText());
            }
        }
        return out;
    }
}
