package io.ntfybar.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import io.ntfybar.model.ArchitectureException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dependency rules of docs/architecture.md (from shared/design.md), for a code tree rooted at {@code root}: the
 * real one ({@code io.ntfybar}) and a fixture tree that breaks each rule on purpose, to prove the rules can fail.
 * A class that must break a rule carries {@link ArchitectureException} with its reason and is skipped.
 */
final class DependencyRules {
    private static final String[] GUI_AND_NATIVE = {"javafx..", "java.awt..", "javax.swing..", "com.sun.jna.."};
    private static final String[] IO_PACKAGES = {
        "java.nio.file..", "java.net.http..", "okhttp3..", "okio..", "java.sql..", "org.h2.."
    };
    private static final String IO_CLASSES = "java\\.io\\.(File|FileInputStream|FileOutputStream|FileReader|FileWriter"
            + "|RandomAccessFile)|java\\.net\\.(Socket|ServerSocket|URLConnection|HttpURLConnection)";

    private DependencyRules() {}

    static Map<String, ArchRule> forRoot(String root) {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        String[] pure = {root + ".model..", root + ".protocol..", root + ".render..", root + ".dispatch.."};
        rules.put(
                "pure core uses no GUI or native code",
                classesIn(pure)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(GUI_AND_NATIVE)
                        .because("model, protocol, render and dispatch are pure"));
        rules.put(
                "pure core does no I/O",
                classesIn(pure)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(IO_PACKAGES)
                        .orShould()
                        .dependOnClassesThat()
                        .haveNameMatching(IO_CLASSES)
                        .because(
                                "model, protocol, render and dispatch do no I/O (reading a classpath resource is allowed)"));
        rules.put(
                "engine uses no GUI or native code",
                classesIn(
                                root + ".subscribe..",
                                root + ".store..",
                                root + ".actions..",
                                root + ".publish..",
                                root + ".net..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(GUI_AND_NATIVE)
                        .because("subscribe, store, actions, publish and net (network trust) run headless and on every"
                                + " OS")
                        .allowEmptyShould(true));
        rules.put(
                "only ui imports JavaFX",
                classesIn(root + "..")
                        .and()
                        .resideOutsideOfPackage(root + ".ui..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage("javafx..")
                        .because("ui is the only package that imports javafx"));
        rules.put(
                "JNA only in macOS native code",
                classesIn(root + "..")
                        .and()
                        .resideOutsideOfPackages(
                                root + ".notify.mac..", root + ".credentials.mac..", root + ".app.mac..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage("com.sun.jna..")
                        .because("native calls are quarantined in the macOS packages"));
        rules.put(
                "D-Bus only in Linux code",
                classesIn(root + "..")
                        .and()
                        .resideOutsideOfPackages(
                                root + ".notify.linux..",
                                root + ".credentials.linux..",
                                root + ".app.linux..",
                                root + ".ui.theme.linux..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage("org.freedesktop..", "de.swiesend..")
                        .because("D-Bus is Linux-only code"));
        rules.put(
                "cli never imports ui",
                classesIn(root + ".cli..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(root + ".ui..")
                        .because("the command line must work without a desktop"));
        rules.put(
                "backup is headless and below ui and cli",
                classesIn(root + ".backup..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(GUI_AND_NATIVE)
                        .orShould()
                        .dependOnClassesThat()
                        .resideInAnyPackage(root + ".ui..", root + ".cli..")
                        .because("the app's Preferences and the command line both import and export through backup,"
                                + " so it must run without a desktop and know neither of them")
                        .allowEmptyShould(true));
        rules.put(
                "nothing depends on app",
                classesIn(root + "..")
                        .and()
                        .resideOutsideOfPackage(root + ".app..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(root + ".app..")
                        .because("app is the composition root"));
        return rules;
    }

    private static GivenClassesConjunction classesIn(String... packages) {
        return noClasses().that().resideInAnyPackage(packages).and().areNotAnnotatedWith(ArchitectureException.class);
    }
}
