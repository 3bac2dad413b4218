package io.ntfybar.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

    /** Every rule has a fixture class marked as breaking it, and the fixture tree as a whole breaks every rule. */
    @Test
    void everyRuleCatchesItsViolationInTheFixtureTree() {
        JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);
        Map<String, ArchRule> rules = DependencyRules.forRoot(FIXTURE);
        Map<String, List<String>> breakers = new TreeMap<>();
        for (JavaClass c : fixture) {
            brokenRule(c).ifPresent(rule -> breakers.computeIfAbsent(rule, r -> new ArrayList<>())
                    .add(c.getName()));
        }
        Set<String> unknown = new HashSet<>(breakers.keySet());
        unknown.removeAll(rules.keySet());
        assertEquals(Set.of(), unknown, "@BreaksRule names no such rule");
        for (Map.Entry<String, ArchRule> rule : rules.entrySet()) {
            assertTrue(
                    breakers.containsKey(rule.getKey()),
                    "rule '" + rule.getKey() + "' has no fixture class marked @BreaksRule(\"" + rule.getKey() + "\")");
            assertTrue(
                    rule.getValue().evaluate(fixture).hasViolation(),
                    "rule '" + rule.getKey() + "' should catch the fixture's violation");
        }
    }

    /**
     * Each fixture class, checked on its own, breaks exactly the rule it names and no other; a class without
     * {@link BreaksRule} breaks none. So no rule passes this test only because of another rule's violation.
     */
    @TestFactory
    Stream<DynamicTest> eachFixtureClassBreaksOnlyItsOwnRule() {
        JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);
        Map<String, ArchRule> rules = DependencyRules.forRoot(FIXTURE);
        return fixture.stream()
                .sorted(Comparator.comparing(JavaClass::getName))
                .map(c -> DynamicTest.dynamicTest(c.getName(), () -> {
                    JavaClasses alone = fixture.that(DescribedPredicate.equalTo(c));
                    Set<String> broken = new TreeSet<>();
                    rules.forEach((name, rule) -> {
                        if (rule.allowEmptyShould(true).evaluate(alone).hasViolation()) {
                            broken.add(name);
                        }
                    });
                    assertEquals(brokenRule(c).map(Set::of).orElse(Set.of()), broken, c.getName());
                }));
    }

    private static Optional<String> brokenRule(JavaClass c) {
        return c.tryGetAnnotationOfType(BreaksRule.class).map(BreaksRule::value);
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
