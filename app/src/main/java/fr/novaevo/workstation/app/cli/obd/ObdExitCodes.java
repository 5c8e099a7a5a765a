package fr.novaevo.workstation.app.cli.obd;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;

/**
 * The exit codes of {@code workstation obd ...}, from the obd module's reason codes, in one place:
 * 2 usage, 3 port cannot be opened or no adapter answers, 4 the adapter answers but the vehicle does not,
 * 5 any other protocol error.
 */
public final class ObdExitCodes {

    public static final int USAGE = 2;
    public static final int NO_ADAPTER = 3;
    public static final int NO_VEHICLE = 4;
    public static final int PROTOCOL = 5;

    private ObdExitCodes() {
    }

    public static int of(ObdException exception) {
        return of(exception.reason());
    }

    public static int of(ObdErrorCode reason) {
        return switch (reason.exitCategory()) {
            case USAGE -> USAGE;
            case ADAPTER -> NO_ADAPTER;
            case VEHICLE -> NO_VEHICLE;
            case PROTOCOL -> PROTOCOL;
        };
    }
}
