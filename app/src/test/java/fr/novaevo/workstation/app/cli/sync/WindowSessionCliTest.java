package fr.novaevo.workstation.app.cli.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.app.bootstrap.platform.ConfiguredPlatform;
import fr.novaevo.workstation.app.bootstrap.platform.PlatformConnection;
import fr.novaevo.workstation.app.bootstrap.platform.PlatformSession;
import fr.novaevo.workstation.app.bootstrap.platform.PlatformSettings;
import fr.novaevo.workstation.app.cli.Cli;
import fr.novaevo.workstation.app.cli.CliContext;
import fr.novaevo.workstation.app.cli.WorkstationCommand;
import fr.novaevo.workstation.app.cli.sync.SyncCliSupport.Result;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;
import fr.novaevo.workstation.sync.engine.SyncStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One platform session per workstation: commands handed over to the open window (as {@code SingleInstance}
 * does) work on the window's session, which shows their changes at once; settings naming another garage
 * open a new session. Real emulator over HTTP on loopback, real H2 file.
 */
class WindowSessionCliTest {

    @TempDir
    Path dir;

    private ConfiguredPlatform configured;
    private PlatformEmulator emulator;
    private Workstation workstation;
    private PlatformConnection window;
    private final List<SyncStatus> heard = new CopyOnWriteArrayList<>();
    private final Instant free = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(60, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);

    @BeforeEach
    void openWindowSession() {
        configured = new ConfiguredPlatform(dir);
        emulator = configured.emulator;
        workstation = configured.workstation;
        window = configured.platform;
        window.addStatusListener(heard::add);
        window.openIfConfigured();
    }

    @AfterEach
    void close() {
        configured.close();
    }

    private Result inWindow(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.create(new WorkstationCommand(), CliContext.inside(workstation, dir, window),
                new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private void awaitHeard(java.util.function.Predicate<SyncStatus> status) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> heard.stream().anyMatch(status));
    }

    @Test
    void aCommandTypedWhileTheWindowIsOpenWorksOnTheWindowsSessionAndTheWindowHearsIt() throws Exception {
        PlatformSession session = window.await();
        awaitHeard(s -> s.kind() == SyncStatus.Kind.SYNCED);
        heard.clear();

        String id = inWindow("bookings", "create", "--start", free.toString(), "--bay", "Pont 9", "--customer",
                "Léa Dubois", "--service", "diagnostic", "--json").json().path("id").asText();

        assertThat(session.module().bookings().find(UUID.fromString(id))).as("the window's store").isPresent();
        awaitHeard(s -> s.kind() == SyncStatus.Kind.PENDING && s.pending() == 1);

        JsonNode report = inWindow("sync", "--once", "--json").json();
        assertThat(report.path("pushed").asInt()).isEqualTo(1);
        assertThat(report.path("applied").asInt()).isEqualTo(1);
        assertThat(emulator.state().booking(UUID.fromString(id))).isPresent();
        awaitHeard(s -> s.kind() == SyncStatus.Kind.SYNCED && s.pending() == 0);
        assertThat(window.await()).as("still the one session").isSameAs(session);
    }

    @Test
    void theWindowKeepsTheScheduleAndItsOwnPlatform() {
        Result keepsSyncing = inWindow("sync");
        SyncCliSupport.assertOneErrorLine(keepsSyncing, "SYNC-CLI-WINDOW-SYNCS");
        assertThat(keepsSyncing.err()).contains("--once");

        Result other = inWindow("sync", "--once", "--server", "http://127.0.0.1:9/v1", "--garage", "g-999");
        SyncCliSupport.assertOneErrorLine(other, "SYNC-CLI-WINDOW-OTHER-PLATFORM");
        assertThat(other.err()).contains(emulator.baseUri().toString()).contains("Paramètres");
    }

    @Test
    void settingsNamingAnotherGarageOpenANewSessionAndCloseTheOldOne() throws Exception {
        PlatformSession first = window.await();
        window.settingsChanged();
        assertThat(window.await()).as("same platform and garage: the same session").isSameAs(first);

        workstation.settings().put(PlatformSettings.GARAGE, "g-456");
        window.settingsChanged();
        PlatformSession second = window.await();

        assertThat(second).isNotSameAs(first);
        assertThat(second.target().garageId()).isEqualTo("g-456");
        assertThat(second.module().client().config().garageId()).isEqualTo("g-456");
        // The old session's client is closed: it can no longer reach the platform.
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> first.module().client().ping())).isNotNull();
    }
}
