package fr.novaevo.workstation.app.cli.obd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import fr.novaevo.workstation.app.cli.Cli;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import org.junit.jupiter.api.Test;

/** Every reason the obd module can give has the exit code the command-line contract promises. */
class ObdExitCodesTest {

    @Test
    void everyReasonHasItsExitCode() {
        Map<ObdErrorCode, Integer> expected = new EnumMap<>(ObdErrorCode.class);
        expected.put(ObdErrorCode.BAD_PORT_NAME, 2);
        expected.put(ObdErrorCode.PORT_UNAVAILABLE, 3);
        expected.put(ObdErrorCode.LINK_LOST, 3);
        expected.put(ObdErrorCode.TIMEOUT, 3);
        expected.put(ObdErrorCode.NO_ADAPTER, 3);
        expected.put(ObdErrorCode.LOW_VOLTAGE, 3);
        expected.put(ObdErrorCode.UNABLE_TO_CONNECT, 4);
        expected.put(ObdErrorCode.NO_DATA, 4);
        expected.put(ObdErrorCode.BUS_ERROR, 4);
        expected.put(ObdErrorCode.UNKNOWN_COMMAND, 5);
        expected.put(ObdErrorCode.BUFFER_FULL, 5);
        expected.put(ObdErrorCode.STOPPED, 5);
        expected.put(ObdErrorCode.DATA_ERROR, 5);
        expected.put(ObdErrorCode.ADAPTER_ERROR, 5);
        expected.put(ObdErrorCode.MALFORMED_RESPONSE, 5);
        expected.put(ObdErrorCode.NEGATIVE_RESPONSE, 5);
        expected.put(ObdErrorCode.CANCELLED, 5);
        assertThat(expected.keySet()).as("a new reason needs its exit code decided here")
                .containsExactlyInAnyOrder(ObdErrorCode.values());
        expected.forEach((reason, code) -> {
            assertThat(ObdExitCodes.of(reason)).as(reason.name()).isEqualTo(code);
            assertThat(Cli.exitCode(new ObdException(reason, "test"))).as(reason.name()).isEqualTo(code);
        });
    }

    @Test
    void otherFailuresKeepExitCodeOne() {
        assertThat(Cli.exitCode(new WorkstationException("CLI-CONFIRM", "add --yes"))).isEqualTo(1);
        assertThat(Cli.exitCode(new IllegalStateException("bug"))).isEqualTo(1);
    }
}
