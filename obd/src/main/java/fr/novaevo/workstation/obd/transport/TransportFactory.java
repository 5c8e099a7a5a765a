package fr.novaevo.workstation.obd.transport;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import java.time.Duration;
import java.util.function.Function;

/**
 * Opens the transport a {@link PortName} designates. The simulator is supplied from outside (it lives in the
 * {@code sim} package and a factory must not know scenarios), so that tests and demo mode choose it.
 */
public final class TransportFactory {

    public static final int DEFAULT_BAUD = 38400;

    private final Function<PortName.Sim, SimulatedDevice> simulators;
    private final Duration connectTimeout;

    public TransportFactory(Function<PortName.Sim, SimulatedDevice> simulators, Duration connectTimeout) {
        this.simulators = simulators;
        this.connectTimeout = connectTimeout;
    }

    public Transport open(PortName name, int baud) {
        return switch (name) {
            case PortName.Serial serial -> SerialTransport.open(serial.device(), baud);
            case PortName.Tcp tcp -> TcpTransport.connect(tcp.host(), tcp.port(), connectTimeout);
            case PortName.Sim sim -> {
                SimulatedDevice device = simulators.apply(sim);
                if (device == null) {
                    throw new ObdException(ObdErrorCode.PORT_UNAVAILABLE, "No simulated vehicle '" + sim.text() + "'",
                            sim.text());
                }
                yield new SimTransport(sim.text(), device);
            }
        };
    }

    public Transport open(String portName, int baud) {
        return open(PortName.parse(portName), baud);
    }
}
