package io.ntfybar.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a desktop test does when a program it needs is missing: skip on a developer's machine, fail in CI
 * ({@code CI=true}), so that a CI run can never pass by skipping the tests that matter.
 */
public final class DesktopTests {
    private DesktopTests() {}

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (locally) or fails (in CI) with {@code reason} unless {@code condition} holds. */
    public static void require(boolean condition, String reason) {
        if (condition) {
            return;
        }
        if (inCi()) {
            Assertions.fail("desktop test cannot run in CI: " + reason + " (.ci/run installs it)");
        }
        Assumptions.abort("skipped: " + reason);
    }
}
