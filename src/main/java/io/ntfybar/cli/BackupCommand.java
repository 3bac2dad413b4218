package io.ntfybar.cli;

import io.ntfybar.backup.BackupException;
import io.ntfybar.backup.Backups;
import io.ntfybar.backup.ExportReport;
import io.ntfybar.backup.ImportReport;
import io.ntfybar.backup.LocalState;
import io.ntfybar.credentials.Keychain;
import io.ntfybar.credentials.Keychains;
import io.ntfybar.settings.AppPaths;
import io.ntfybar.settings.SettingsException;
import io.ntfybar.store.Database;
import io.ntfybar.store.H2MessageStore;
import io.ntfybar.store.StoreException;
import io.ntfybar.store.SubscriptionStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ntfybar backup export|import FILE}: the app's Preferences → Backup for scripts. Works on the app's own store,
 * settings and keychain, so the app must not be running (its store is locked while it runs; the sentence says so).
 */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        subcommands = {BackupCommand.Export.class, BackupCommand.Import.class},
        description = {
            "Export ntfybar's subscriptions, messages, settings and logins as a backup that ntfy's Android app"
                    + " restores, or import such a backup or ntfy's client.yml.",
            "Quit the ntfybar app first: both work on its message store."
        },
        footer = {
            "",
            "Examples:",
            "  ntfybar backup export ~/ntfybar-backup.json",
            "  ntfybar backup export --include-passwords --force /media/usb/ntfy.json",
            "  ntfybar backup import ~/Downloads/ntfy-backup.json",
            "  ntfybar backup import ~/.config/ntfy/client.yml",
            "",
            "Exit codes: 0 done (the report says what was skipped), 1 the file or the store cannot be used,"
                    + " 2 usage error."
        })
final class BackupCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            usageHelpAutoWidth = true,
            description = {
                "Write subscriptions, their messages, settings, logins and certificates to FILE in the backup format"
                        + " of ntfy's Android app (Settings → Backup & restore there). Passwords and access tokens"
                        + " are left out unless --include-passwords is given."
            })
    static final class Export implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the backup file to write (a .json file)")
        Path file;

        @Option(
                names = "--include-passwords",
                description = "also write passwords, access tokens and client certificate passwords, in clear text")
        boolean passwords;

        @Option(
                names = {"-f", "--force"},
                description = "replace FILE when it exists")
        boolean force;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            // Without passwords nothing is read from the keychain, so no keychain needs to be reachable.
            Supplier<Keychain> keychain =
                    passwords ? Keychains::detect : () -> Keychains.sessionOnly("passwords are not exported");
            return withState(spec, keychain, state -> {
                ExportReport r = Backups.exportFile(state, file, passwords, force);
                PrintWriter out = spec.commandLine().getOut();
                out.println(r.text());
                out.flush();
                return 0;
            });
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            usageHelpAutoWidth = true,
            description = {
                "Import FILE: a backup of ntfy's Android app (JSON) or ntfy's client.yml. Subscriptions, messages,"
                        + " logins (into the OS keychain), certificates and settings go in; what ntfybar already has"
                        + " is kept. Prints what was imported and what was skipped, and why."
            })
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "an ntfy Android backup (.json) or ntfy's client.yml")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return withState(spec, Keychains::detect, state -> {
                ImportReport r = Backups.importFile(state, file);
                PrintWriter out = spec.commandLine().getOut();
                out.println(r.text());
                out.flush();
                return 0;
            });
        }
    }

    /** Opens the app's store and settings, runs {@code work}, and turns every failure into one sentence and exit 1. */
    private static int withState(
            CommandLine.Model.CommandSpec spec, Supplier<Keychain> keychain, Function<LocalState, Integer> work) {
        PrintWriter err = spec.commandLine().getErr();
        AppPaths paths = AppPaths.current();
        try (Database db = Database.open(paths.data())) {
            LocalState state = LocalState.ofFiles(
                    paths.config(), new SubscriptionStore(db), new H2MessageStore(db), keychain.get());
            return work.apply(state);
        } catch (StoreException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage()
                    + (e.kind() == StoreException.Kind.LOCKED
                            ? " If the ntfybar app is running, quit it, or use Preferences → Backup in the app."
                            : ""));
        } catch (BackupException | SettingsException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
        }
        err.flush();
        return 1;
    }
}
