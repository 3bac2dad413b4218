package io.ntfybar.ui;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs every test tagged {@code fx-flow} in this JVM and prints the summary on stdout; exits 0 only when at least
 * one ran and none failed. Started by {@link FxFlowsOnX11Test} in a child JVM whose JavaFX draws on a real X server.
 */
public final class FxFlowLauncher {
    private FxFlowLauncher() {}

    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("io.ntfybar"))
                .filters(TagFilter.includeTags("fx-flow"))
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printTo(out);
        summary.printFailuresTo(out, 25);
        out.flush();
        boolean ok = summary.getTestsSucceededCount() > 0
                && summary.getTotalFailureCount() == 0
                && summary.getTestsAbortedCount() == 0;
        System.exit(ok ? 0 : 1);
    }
}
