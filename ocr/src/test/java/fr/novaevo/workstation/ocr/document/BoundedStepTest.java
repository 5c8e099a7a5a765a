package fr.novaevo.workstation.ocr.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BoundedStepTest {

    @Test
    void returnsTheStepsResult() {
        assertThat(BoundedStep.run("adding", Deadline.after(Duration.ofSeconds(10)), () -> 40 + 2)).isEqualTo(42);
    }

    @Test
    void givesUpOnAStepThatNeverEndsAndInterruptsIt() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);

        assertThatThrownBy(() -> BoundedStep.run("parsing a hostile file", Deadline.after(Duration.ofMillis(300)), () -> {
            try {
                Thread.sleep(Duration.ofMinutes(10));
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return null;
        })).isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.TIMEOUT));

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void stopsWaitingWhenTheUserCancels() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Deadline deadline = new Deadline(Clock.systemUTC(), Duration.ofMinutes(10), cancelled::get);
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancelled.set(true);
        });

        assertThatThrownBy(() -> BoundedStep.run("rendering", deadline, () -> {
            try {
                Thread.sleep(Duration.ofMinutes(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        })).isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.CANCELLED));
    }

    @Test
    void aParserFailureIsADamagedFile() {
        assertThatThrownBy(() -> BoundedStep.run("parsing", Deadline.after(Duration.ofSeconds(10)), () -> {
            throw new IOException("xref missing");
        })).isInstanceOfSatisfying(DocumentException.class, e -> {
            assertThat(e.reason()).isEqualTo(ReasonCode.DAMAGED);
            assertThat(e.getCause()).hasMessage("xref missing");
        });
        assertThatThrownBy(() -> BoundedStep.run("parsing", Deadline.after(Duration.ofSeconds(10)), () -> {
            throw new ArrayIndexOutOfBoundsException(7);
        })).isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.DAMAGED));
    }
}
