package fr.novaevo.workstation.obd.elm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.testing.ScriptedTransport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PromptReaderTest {

    @Test
    void promptSplitAcrossReads() {
        ScriptedTransport t = new ScriptedTransport().chunk("41 0C").chunk(" 1A F8\r").chunk("\r").chunk(">");
        assertThat(new PromptReader(t).readUntilPrompt("010C", Duration.ofSeconds(1))).isEqualTo("41 0C 1A F8\r\r");
    }

    @Test
    void bytesAfterThePromptWaitForTheNextAnswer() {
        ScriptedTransport t = new ScriptedTransport().chunk("OK\r\r>NO DATA\r").chunk("\r>");
        PromptReader reader = new PromptReader(t);
        assertThat(reader.readUntilPrompt("ATE0", Duration.ofSeconds(1))).isEqualTo("OK\r\r");
        assertThat(reader.readUntilPrompt("0100", Duration.ofSeconds(1))).isEqualTo("NO DATA\r\r");
    }

    @Test
    void lostPromptIsATimeoutThatShowsWhatCame() {
        ScriptedTransport t = new ScriptedTransport().chunk("41 0C 1A F8\r");
        assertThatThrownBy(() -> new PromptReader(t).readUntilPrompt("010C", Duration.ofMillis(30)))
                .isInstanceOf(ObdException.class)
                .hasMessageContaining("41 0C 1A F8\\r")
                .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.TIMEOUT);
    }

    @Test
    void runawayGarbageIsBounded() {
        ScriptedTransport t = new ScriptedTransport();
        String junk = "\u00ff".repeat(1000);
        for (int i = 0; i < 70; i++) {
            t.chunk(junk);
        }
        assertThatThrownBy(() -> new PromptReader(t).readUntilPrompt("0100", Duration.ofSeconds(5)))
                .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.MALFORMED_RESPONSE);
    }
}
