package io.ntfybar.ui.publish;

import io.ntfybar.model.Priority;
import io.ntfybar.ui.FxTests;
import io.ntfybar.ui.TestCore;
import io.ntfybar.ui.UiThreads;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Shows the Publish window filled in, with tag suggestions open, against a test server, for screenshots and manual
 * tries: {@code java -cp ... io.ntfybar.ui.publish.PublishWindowDemo [seconds]} on an X display. Test code only.
 */
public final class PublishWindowDemo {
    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("ntfybar-publish-demo");
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 600;
        try (TestCore t = TestCore.start(home)) {
            t.subscribe("backups");
            t.subscribe("alerts");
            Path file = home.resolve("backup-report.pdf");
            Files.write(file, new byte[184_320]);
            FxTests.startToolkit();
            PublishWindow w = FxTests.onFx(() -> new PublishWindow(t.core, null, UiThreads.standard()));
            FxTests.onFx(() -> w.show(null));
            Thread.sleep(500);
            FxTests.onFx(() -> {
                PublishViewModel vm = w.viewModel();
                vm.title.set("Nightly backup finished");
                vm.message.set("**backup-01**: 1,204 files, 3.2 GB in 14 min.\nNext run tonight at 02:00.");
                vm.markdown.set(true);
                vm.priority.set(Priority.HIGH);
                vm.click.set("https://backups.example.com/runs/latest");
                vm.actions.set("view, Open report, https://backups.example.com/r/42; "
                        + "http, Run again, https://backups.example.com/api/run, method=POST");
                vm.attach(file);
                vm.delay.set("tomorrow, 10am");
                vm.tags.set("floppy_disk, white_check_mark, ta");
            });
            Thread.sleep(seconds * 1000);
        }
        System.exit(0);
    }
}
