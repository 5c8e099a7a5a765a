package fr.novaevo.workstation.app.cli.docs;

import fr.novaevo.workstation.app.cli.VersionInfo;
import picocli.CommandLine.Command;

/** {@code workstation docs ...}: documents (Kbis extracts) read offline. */
@Command(name = "docs", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Documents: Kbis extracts and other PDFs or images read on this computer (text layer, "
            + "or OCR for scans). Nothing leaves the workstation."},
        subcommands = {DocsBatchCommand.class},
        footer = {"", "Exit codes: 0 every input was processed (some may have status error), "
            + "1 an output cannot be written or the batch could not run, 2 usage error."})
public final class DocsCommand {
}
