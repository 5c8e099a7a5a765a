package fr.novaevo.workstation.obd.session;

import fr.novaevo.workstation.core.audit.AuditJournal;
import fr.novaevo.workstation.obd.discovery.BaudRateProbe;
import fr.novaevo.workstation.obd.dtc.FaultCodeDatabase;
import fr.novaevo.workstation.obd.elm.AdapterInfo;
import fr.novaevo.workstation.obd.elm.Elm327;
import fr.novaevo.workstation.obd.elm.ElmSettings;
import fr.novaevo.workstation.obd.frames.EcuMessage;
import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.service.PidCatalog;
import fr.novaevo.workstation.obd.transport.PortName;
import fr.novaevo.workstation.obd.transport.Transport;
import fr.novaevo.workstation.obd.transport.TransportFactory;
import fr.novaevo.workstation.obd.vin.VinDecoder;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a port, sets the adapter up and wakes the vehicle: the "connect" of the screens and of every
 * {@code workstation obd} command. A failure keeps its typed reason ({@code OBD-PORT-UNAVAILABLE},
 * {@code OBD-NO-ADAPTER}, {@code OBD-UNABLE-TO-CONNECT}...) and leaves the port closed.
 */
public final class ObdConnector {

    private static final Logger LOG = LoggerFactory.getLogger(ObdConnector.class);

    private final TransportFactory transports;
    private final ElmSettings settings;
    private final PidCatalog catalog;
    private final FaultCodeDatabase codes;
    private final VinDecoder vinDecoder;
    private final AuditJournal journal;
    private final Locale locale;

    public ObdConnector(TransportFactory transports, ElmSettings settings, PidCatalog catalog, FaultCodeDatabase codes,
            VinDecoder vinDecoder, AuditJournal journal, Locale locale) {
        this.transports = transports;
        this.settings = settings;
        this.catalog = catalog;
        this.codes = codes;
        this.vinDecoder = vinDecoder;
        this.journal = journal;
        this.locale = locale;
    }

    /** Pass as {@code baud} to find the adapter's speed among {@link BaudRateProbe#CANDIDATES}. */
    public static final int AUTO_BAUD = 0;

    /** Connects with automatic protocol search; {@code baud} may be {@link #AUTO_BAUD} for a serial port. */
    public ObdSession connect(String portName, int baud) {
        return connect(PortName.parse(portName), baud, ObdProtocol.AUTO);
    }

    public ObdSession connect(PortName port, int baud, ObdProtocol protocol) {
        boolean findBaud = baud == AUTO_BAUD;
        Transport transport = transports.open(port, findBaud ? BaudRateProbe.CANDIDATES.getFirst() : baud);
        Elm327 elm = new Elm327(transport, settings);
        try {
            if (findBaud && port instanceof PortName.Serial) {
                int found = new BaudRateProbe(settings.commandTimeout()).require(transport, BaudRateProbe.CANDIDATES);
                LOG.info("{} answers at {} baud", port.text(), found);
            }
            AdapterInfo info = elm.initialize();
            List<EcuMessage> answers = elm.connectVehicle(protocol);
            LOG.info("connected to {} on {}: {} ({}), {}", port.text(), elm.protocol().description(),
                    info.identity(), info.probedVersion(), answers.size() + " ECU answer(s)");
            return new ObdSession(elm, info, answers, catalog, codes, vinDecoder, journal, locale);
        } catch (RuntimeException e) {
            elm.close();
            throw e;
        }
    }
}
