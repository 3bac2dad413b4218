package io.ntfybar.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

class SkipGuardTest {
    private static final Map<String, String> CI = Map.of("CI", "true");
    private static final Map<String, String> LOCAL = Map.of();
    private static final String FIXTURE = StrayAssumption.class.getName();

    /**
     * A test class with the mistakes the guard exists for. It runs only through {@link #runFixture}: the {@code
     * skip-guard-fixture} tag is in surefire's excludedGroups, and surefire leaves out nested classes anyway.
     */
    @Tag("skip-guard-fixture")
    static class StrayAssumption {
        @Test
        void runs() {}

        @Test
        void strayAssumption() {
            Assumptions.assumeTrue(false, "a stray assumption");
        }

        @Test
        @Disabled("disabled and forgotten")
        void disabled() {}
    }

    @TempDir
    Path dir;

    /** Runs the fixture class with the JUnit Platform and writes JUnit's legacy XML report into {@code reports}. */
    private static void runFixture(Path reports) {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        StringWriter log = new StringWriter();
        launcher.execute(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(StrayAssumption.class))
                        .build(),
                summary,
                new LegacyXmlReportGeneratingListener(reports, new PrintWriter(log)));
        assertEquals(1, summary.getSummary().getTestsSucceededCount(), log.toString());
        assertEquals(1, summary.getSummary().getTestsAbortedCount());
        assertEquals(1, summary.getSummary().getTestsSkippedCount());
    }

    private Path allowList(String... lines) throws Exception {
        return Files.write(dir.resolve("allow-list.txt"), List.of(lines));
    }

    private record Outcome(int status, String output) {}

    private static Outcome check(Path reports, Path allowList, Map<String, String> env, String os) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = SkipGuard.run(reports, allowList, env, os, out);
        return new Outcome(status, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aStrayAssumptionInARealJUnitReportFailsOnlyInCi() throws Exception {
        Path reports = Files.createDirectory(dir.resolve("reports"));
        runFixture(reports);
        Path none = allowList("# nothing is expected");

        Outcome ci = check(reports, none, CI, "linux");
        assertEquals(1, ci.status(), ci.output());
        assertTrue(
                ci.output()
                        .contains("ERROR: unexpected skip: class " + FIXTURE
                                + ", method strayAssumption: Assumption failed: a stray assumption"),
                ci.output());
        assertTrue(
                ci.output()
                        .contains("ERROR: unexpected skip: class " + FIXTURE
                                + ", method disabled: disabled and forgotten"),
                ci.output());
        assertFalse(ci.output().contains("method runs"), ci.output());
        assertTrue(ci.output().contains("FAILED: 2 unexpected skip(s)"), ci.output());

        for (Map<String, String> env : List.of(LOCAL, Map.of("CI", "false"), Map.of("CI", "1"))) {
            Outcome local = check(reports, none, env, "linux");
            assertEquals(0, local.status(), local.output());
            assertTrue(local.output().contains("WARNING: unexpected skip: class " + FIXTURE), local.output());
            assertTrue(local.output().contains("the build goes on"), local.output());
        }
    }

    @Test
    void allowListedSkipsPassInCiOnTheirOsOnly() throws Exception {
        Path reports = Files.createDirectory(dir.resolve("reports"));
        runFixture(reports);

        Outcome wholeClass = check(reports, allowList("linux " + FIXTURE + " only runs elsewhere"), CI, "linux");
        assertEquals(0, wholeClass.status(), wholeClass.output());
        assertTrue(wholeClass.output().contains("expected: " + FIXTURE + " (2) - only runs elsewhere"));

        Path perMethod = allowList(
                "any " + FIXTURE + "#strayAssumption needs a thing", "linux " + FIXTURE + "#disabled for a reason");
        assertEquals(0, check(reports, perMethod, CI, "linux").status());

        Outcome otherOs = check(reports, perMethod, CI, "mac");
        assertEquals(1, otherOs.status(), otherOs.output());
        assertTrue(otherOs.output().contains("method disabled"), otherOs.output());
        assertFalse(otherOs.output().contains("method strayAssumption"), otherOs.output());

        Outcome oneMethod = check(reports, allowList("any " + FIXTURE + "#disabled a reason"), CI, "linux");
        assertEquals(1, oneMethod.status(), oneMethod.output());
        assertTrue(oneMethod.output().contains("FAILED: 1 unexpected skip(s)"), oneMethod.output());
    }

    @Test
    void anEntryWithoutAReasonIsAnErrorInCiAndAWarningElsewhere() throws Exception {
        Path reports = Files.createDirectory(dir.resolve("reports"));
        Path list = allowList("linux io.ntfybar.Some   ", "linux io.ntfybar.Other has one");

        Outcome ci = check(reports, list, CI, "linux");
        assertEquals(1, ci.status(), ci.output());
        assertTrue(ci.output().contains("ERROR: allow-list.txt:1: the entry for io.ntfybar.Some gives no reason"));
        assertFalse(ci.output().contains("io.ntfybar.Other"), ci.output());

        Outcome local = check(reports, list, LOCAL, "linux");
        assertEquals(0, local.status(), local.output());
        assertTrue(local.output().contains("WARNING: allow-list.txt:1"), local.output());

        assertEquals(1, check(reports, allowList("linux"), CI, "linux").status());
        assertEquals(
                1, check(reports, allowList("solaris a.B reason"), CI, "linux").status());
        assertEquals(1, check(reports, dir.resolve("missing.txt"), CI, "linux").status());
    }

    /**
     * The shape surefire gives its reports, one file per class: a disabled test's reason in an escaped message
     * attribute, an aborted test's stack trace as the element's text.
     */
    @Test
    void readsSurefireReports() throws Exception {
        Path reports = Files.createDirectory(dir.resolve("surefire-reports"));
        Files.writeString(
                reports.resolve("TEST-io.ntfybar.x.SomeTest.xml"),
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                xsi:noNamespaceSchemaLocation="https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd" \
                version="3.0.2" name="io.ntfybar.x.SomeTest" time="0.1" tests="4" errors="0" skipped="3" failures="0">
                  <properties>
                    <property name="os.name" value="Linux"/>
                  </properties>
                  <testcase name="passes" classname="io.ntfybar.x.SomeTest" time="0.01"/>
                  <testcase name="needsADaemon" classname="io.ntfybar.x.SomeTest" time="0.0">
                    <skipped type="org.opentest4j.TestAbortedException"><![CDATA[org.opentest4j.TestAbortedException: Assumption failed: the daemon's socket </run/x> is missing
                \tat org.junit.jupiter.api.Assumptions.throwAssumptionFailed(Assumptions.java:321)
                \tat io.ntfybar.x.SomeTest.needsADaemon(SomeTest.java:12)
                ]]></skipped>
                    <system-out><![CDATA[log line
                ]]></system-out>
                  </testcase>
                  <testcase name="each(String)[2]" classname="io.ntfybar.x.SomeTest" time="0.0">
                    <skipped message="Disabled on operating system: Linux ==&gt; macOS only"/>
                  </testcase>
                  <testcase name="" classname="io.ntfybar.x.SomeTest" time="0.0">
                    <skipped/>
                  </testcase>
                </testsuite>
                """);
        Files.writeString(reports.resolve("io.ntfybar.x.SomeTest.txt"), "not a report");

        List<SkipGuard.Skip> skips =
                new ArrayList<>(SkipGuard.skipsIn(reports.resolve("TEST-io.ntfybar.x.SomeTest.xml")));
        assertEquals(3, skips.size(), skips.toString());
        assertEquals("io.ntfybar.x.SomeTest", skips.get(0).className());
        assertEquals("needsADaemon", skips.get(0).method());
        assertEquals(
                "Assumption failed: the daemon's socket </run/x> is missing",
                skips.get(0).message());
        assertEquals("each", skips.get(1).method());
        assertEquals(
                "Disabled on operating system: Linux ==> macOS only",
                skips.get(1).message());
        assertNull(skips.get(2).method());
        assertEquals("", skips.get(2).message());

        Outcome ci = check(reports, allowList(), CI, "linux");
        assertEquals(1, ci.status(), ci.output());
        assertTrue(
                ci.output()
                        .contains("unexpected skip: class io.ntfybar.x.SomeTest, method needsADaemon: Assumption"
                                + " failed: the daemon's socket </run/x> is missing (TEST-io.ntfybar.x.SomeTest.xml)"),
                ci.output());
        assertTrue(ci.output().contains("method (whole class): no message"), ci.output());

        assertEquals(
                0,
                check(reports, allowList("linux io.ntfybar.x.SomeTest a reason"), CI, "linux")
                        .status());
    }

    @Test
    void aBrokenReportIsAProblemAndNoReportsIsNothingToCheck() throws Exception {
        Path reports = Files.createDirectory(dir.resolve("reports"));
        Files.writeString(reports.resolve("TEST-cut.xml"), "<testsuite><testcase name=\"a\"");
        Outcome broken = check(reports, allowList(), CI, "linux");
        assertEquals(1, broken.status(), broken.output());
        assertTrue(broken.output().contains("cannot read the report"), broken.output());

        assertEquals(0, check(dir.resolve("none"), allowList(), CI, "linux").status());
    }

    /** The checked-in allow-list parses, gives every reason, and names only classes that exist. */
    @Test
    void theProjectsAllowListIsValid() throws Exception {
        List<String> problems = new ArrayList<>();
        List<SkipGuard.Entry> entries = SkipGuard.readAllowList(Path.of(".ci", "skip-allow-list.txt"), problems);
        assertEquals(List.of(), problems);
        assertFalse(entries.isEmpty());
        for (SkipGuard.Entry entry : entries) {
            Class<?> test = Class.forName(entry.className(), false, getClass().getClassLoader());
            if (entry.method() != null) {
                assertTrue(
                        List.of(test.getDeclaredMethods()).stream()
                                .anyMatch(m -> m.getName().equals(entry.method())),
                        entry.test());
            }
        }
    }
}
