package fr.novaevo.workstation.app.cli.sync;

import fr.novaevo.workstation.app.bootstrap.platform.PlatformConnection;
import fr.novaevo.workstation.app.bootstrap.platform.PlatformSession;
import fr.novaevo.workstation.app.bootstrap.platform.PlatformSettings;
import fr.novaevo.workstation.app.cli.CliContext;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.app.cli.VersionInfo;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.core.settings.SettingsStore;
import fr.novaevo.workstation.sync.SyncModule;
import fr.novaevo.workstation.sync.client.ClientConfig;
import fr.novaevo.workstation.sync.client.CredentialStore;
import fr.novaevo.workstation.sync.json.SyncJson;
import fr.novaevo.workstation.sync.store.BookingRepository;
import fr.novaevo.workstation.sync.store.CommissionRepository;
import fr.novaevo.workstation.sync.store.DeadLetterRepository;
import fr.novaevo.workstation.sync.store.SyncDatabase;
import fr.novaevo.workstation.sync.store.SyncLedger;

/**
 * The sync capability wired for the command line, from the composition root's services: the local store
 * alone (bookings and commissions commands, no network), or the whole {@link SyncModule} for {@code sync}.
 * A command typed while the window is open and syncing with a configured platform uses the window's session
 * instead (one store, one scheduler per workstation), and the window shows its change at once.
 */
final class PlatformAccess {

    private PlatformAccess() {
    }

    /**
     * The local store of bookings and commissions: every change is written with its outbox entry.
     *
     * @param changed to run after a change, so that an open window shows it
     */
    record LocalStore(BookingRepository bookings, CommissionRepository commissions, SyncLedger ledger,
                      DeadLetterRepository deadLetters, Runnable changed) {
    }

    static LocalStore local(CliContext context, Workstation workstation) {
        Optional<PlatformConnection> window = windowSession(context, workstation);
        if (window.isPresent()) {
            SyncModule shared = window.get().await().module();
            return new LocalStore(shared.bookings(), shared.commissions(), shared.ledger(), shared.deadLetters(),
                    window.get()::localChange);
        }
        SyncDatabase db = new SyncDatabase(workstation.database().dataSource(), SyncJson.newMapper(),
                workstation.clock());
        BookingRepository bookings = new BookingRepository(db, workstation.audit());
        return new LocalStore(bookings, new CommissionRepository(db), new SyncLedger(db),
                new DeadLetterRepository(db, bookings, workstation.audit()), () -> { });
    }

    /**
     * The open window's session when the command runs inside the window and a platform is configured. A
     * window in demo mode syncs a throwaway store with the emulator: commands keep to the data folder's.
     */
    static Optional<PlatformConnection> windowSession(CliContext context, Workstation workstation) {
        return context.platform().filter(p -> !PlatformSession.Target.of(workstation.settings()).demo());
    }

    /**
     * The sync module for one platform and garage. The client refuses plain http for a host that is not a
     * loopback address ({@code SYNC-INSECURE-URL}) before anything is sent.
     */
    static SyncModule module(Workstation workstation, URI url, String garageId, CredentialStore credentials,
                             Duration interval) {
        ClientConfig config = ClientConfig.of(url, garageId, PlatformSettings.clientId(workstation.settings()),
                VersionInfo.version());
        return new SyncModule(workstation.database().dataSource(), config, credentials, workstation.audit(),
                workstation.clock(), interval);
    }

    /**
     * A data folder holds one garage's bookings: syncing another garage into it would mix them. Refused
     * unless the local store is still empty.
     */
    static void requireSameGarage(SettingsStore settings, LocalStore store, String garageId) {
        Optional<String> bound = settings.get(PlatformSettings.GARAGE);
        if (bound.isEmpty() || bound.get().equals(garageId)) {
            return;
        }
        boolean empty = store.bookings().all().isEmpty() && store.commissions().all().isEmpty()
                && store.ledger().counts().pendingOperations() == 0 && store.deadLetters().all().isEmpty();
        if (!empty) {
            throw new WorkstationException("SYNC-CLI-OTHER-GARAGE", "this data folder holds the bookings of garage "
                    + bound.get() + ", not " + garageId + ": use another --data-dir", bound.get(), garageId);
        }
    }
}
