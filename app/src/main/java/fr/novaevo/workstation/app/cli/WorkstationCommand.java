package fr.novaevo.workstation.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import fr.novaevo.workstation.app.bootstrap.AppPaths;
import fr.novaevo.workstation.app.bootstrap.DataFolderChoice;
import fr.novaevo.workstation.app.bootstrap.LaunchOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code workstation}: with no command, opens the window; the subcommands are the command line. */
@Command(name = "workstation", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        sortOptions = false, usageHelpAutoWidth = true,
        header = "NovaEvo Garage Workstation: vehicle diagnostics, documents, bookings.",
        description = {
            "Without a command, opens the workstation window (demo mode while no adapter or platform is configured).",
            "With a command, runs it and exits. If the workstation is already running on the same data folder,",
            "the command runs inside it and its output comes back here."},
        subcommands = {DataCommand.class, AuditCommand.class, fr.novaevo.workstation.app.cli.obd.ObdCommand.class, fr.novaevo.workstation.app.cli.sync.SyncCommand.class, fr.novaevo.workstation.app.cli.sync.BookingsCommand.class, fr.novaevo.workstation.app.cli.sync.CommissionsCommand.class, fr.novaevo.workstation.app.cli.docs.DocsCommand.class},
        footer = {"", "Exit codes: 0 success, 1 the command failed (one line on stderr says why), 2 usage error;",
            "obd commands: 3 no port or no adapter, 4 the vehicle does not answer, 5 other protocol error."})
public final class WorkstationCommand {

    @Option(names = "--data-dir", paramLabel = "FOLDER", scope = ScopeType.INHERIT,
            description = "Data folder (database, backups, logs). Default: the per-user folder of the OS.")
    Path dataDir;

    @Option(names = "--lang", paramLabel = "fr|en", scope = ScopeType.INHERIT,
            description = "Language of the window, over the one chosen in the settings.")
    String language;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces and debug logs on stderr.")
    boolean debug;

    @Option(names = "--config-dir", paramLabel = "FOLDER", hidden = true, scope = ScopeType.INHERIT,
            description = "Per-user configuration folder (tests and portable installs).")
    Path configDir;

    public LaunchOptions launchOptions(AppPaths paths) {
        AppPaths effective = configDir == null ? paths : new AppPaths(paths.defaultDataDirectory(), configDir);
        Path data = new DataFolderChoice(effective).resolve(Optional.ofNullable(dataDir));
        Optional<String> lang = Optional.ofNullable(language).map(String::strip).filter(l -> l.equals("fr") || l.equals("en"));
        return new LaunchOptions(data, effective.configDirectory(), lang, debug);
    }

    public boolean debug() {
        return debug;
    }

    /** Validates {@code --lang} early: a typo is a usage error, not a silent French window. */
    public Optional<String> invalidLanguage() {
        return language != null && !language.strip().matches("fr|en") ? Optional.of(language) : Optional.empty();
    }
}
