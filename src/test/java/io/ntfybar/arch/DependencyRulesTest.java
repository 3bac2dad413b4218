package io.ntfybar.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class DependencyRulesTest {
    private static final String FIXTURE = "io.ntfybar.arch.fixture";

    @TestFactory
    Stream<DynamicTest> mainCodeKeepsEveryDependencyRule() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ntfybar");
        return DependencyRules.forRoot("io.ntfybar").entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> e.getValue().check(main)));
    }

    @Test
    void everyRuleCatchesItsViolationInTheFixtureTree() {
        JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);
        Map<String, ArchRule> rules = DependencyRules.forRoot(FIXTURE);
        for (String name : List.of(
                "pure core uses no GUI or native code",
                "pure core does no I/O",
                "engine uses no GUI or native code",
                "only ui imports JavaFX",
                "cli never imports ui",
                "backup is headless and below ui and cli",
                "nothing depends on app")) {
            EvaluationResult result = rules.get(name).evaluate(fixture);
            assertTrue(result.hasViolation(), "rule '" + name + "' should catch the fixture's violation");
        }
    }

    @Test
    void annotatedExceptionsAreSkipped() {
        JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE + ".render");
        EvaluationResult result = DependencyRules.forRoot(FIXTURE)
                .get("pure core does no I/O")
                .allowEmptyShould(true)
                .evaluate(fixture);
        assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }
}
