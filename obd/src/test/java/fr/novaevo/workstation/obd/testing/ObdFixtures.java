package fr.novaevo.workstation.obd.testing;

import fr.novaevo.workstation.core.storage.DataLayout;
import fr.novaevo.workstation.core.storage.Database;
import fr.novaevo.workstation.core.storage.SchemaModule;
import fr.novaevo.workstation.obd.dtc.FaultCodeDatabase;
import fr.novaevo.workstation.obd.elm.ElmSettings;
import fr.novaevo.workstation.obd.history.DiagnosticSession;
import fr.novaevo.workstation.obd.history.KeyValue;
import fr.novaevo.workstation.obd.history.ObdSchema;
import fr.novaevo.workstation.obd.service.ClearConfirmation;
import fr.novaevo.workstation.obd.service.PidCatalog;
import fr.novaevo.workstation.obd.session.ObdConnector;
import fr.novaevo.workstation.obd.session.ObdSession;
import fr.novaevo.workstation.obd.session.ScanResult;
import fr.novaevo.workstation.obd.sim.Elm327Emulator;
import fr.novaevo.workstation.obd.sim.FaultInjector;
import fr.novaevo.workstation.obd.sim.SimulatorSettings;
import fr.novaevo.workstation.obd.sim.VirtualVehicles;
import fr.novaevo.workstation.obd.transport.TransportFactory;
import fr.novaevo.workstation.obd.vin.VinDecoder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A real H2 file database with the obd schema, and diagnostic sessions read from the virtual vehicle. */
public final class ObdFixtures {

    static final ElmSettings QUICK = new ElmSettings(Duration.ofMillis(1000), Duration.ofMillis(500),
            Duration.ofMillis(1500), Duration.ofMillis(300), Duration.ofMillis(1500));

    private ObdFixtures() {
    }

    public static Database database(Path dir, Clock clock) {
        return Database.open(DataLayout.at(dir), List.of(new SchemaModule("core"), ObdSchema.SCHEMA), clock);
    }

    public static ObdConnector connector(Locale locale) {
        return connector(locale, new FaultInjector());
    }

    /** A connector to the virtual vehicles whose adapter {@code faults} can damage or unplug. */
    public static ObdConnector connector(Locale locale, FaultInjector faults) {
        VirtualVehicles vehicles = new VirtualVehicles(Clock.systemUTC());
        TransportFactory factory = new TransportFactory(sim -> new Elm327Emulator(vehicles.create(sim.scenario()),
                SimulatorSettings.instant(), faults), Duration.ofSeconds(1));
        return new ObdConnector(factory, QUICK, new PidCatalog(), new FaultCodeDatabase(),
                new VinDecoder(Clock.systemUTC()), new MemoryAuditJournal(), locale);
    }

    /** The whole diagnosis of the "misfire" vehicle: scan, a few live values, a clear and the codes after it. */
    public static Diagnosis misfireDiagnosis(Locale locale, Instant at) {
        try (ObdSession session = connector(locale).connect("sim:misfire", 38400)) {
            ScanResult scan = session.scan();
            List<KeyValue> values = KeyValue.of(session.live().read(List.of(0x0C, 0x05, 0x42)));
            session.clearCodes(new ClearConfirmation(scan.vin().orElseThrow(), List.of(), true));
            ScanResult.Dtcs after = session.scan().dtcs();
            DiagnosticSession d = DiagnosticSession.fromScan(scan, "sim:misfire", at).withKeyValues(values)
                    .withCodesAfter(after, at.plusSeconds(120))
                    .withNotes("Bougie du cylindre 2 remplacée ; essai routier de 10 km sans raté.");
            return new Diagnosis(scan, d);
        }
    }

    public record Diagnosis(ScanResult scan, DiagnosticSession session) {
    }
}
