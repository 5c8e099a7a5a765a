package fr.novaevo.workstation.app.ui.vehicle;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import fr.novaevo.workstation.app.ui.BenchVehicle;
import fr.novaevo.workstation.obd.service.PidReading;
import fr.novaevo.workstation.obd.session.ScanResult;

/**
 * The vehicle connected in this area as the other areas see it ({@link BenchVehicle}): the VIN of its last
 * scan, and its odometer (PID A6) read on demand on the connection's own port thread, like every request.
 */
record BenchReading(Optional<String> vin, boolean odometerSupported, VehicleConnection connection)
        implements BenchVehicle.Connected {

    static final int ODOMETER_PID = 0xA6;

    static BenchReading of(ScanResult scan, VehicleConnection connection) {
        return new BenchReading(scan.vin(), scan.supportedPids().contains(String.format("%02X", ODOMETER_PID)),
                connection);
    }

    @Override
    public CompletableFuture<OptionalLong> readOdometerKm() {
        if (!odometerSupported) {
            return CompletableFuture.completedFuture(OptionalLong.empty());
        }
        return connection.call(session -> session.live().read(List.of(ODOMETER_PID)).stream()
                .filter(r -> r.pid() == ODOMETER_PID && !Double.isNaN(r.value()))
                .findFirst().map(PidReading::value)
                // PID A6 counts tenths of a km; a booking keeps whole km, as the dashboard shows them.
                .map(km -> OptionalLong.of((long) Math.floor(km))).orElse(OptionalLong.empty()));
    }
}
