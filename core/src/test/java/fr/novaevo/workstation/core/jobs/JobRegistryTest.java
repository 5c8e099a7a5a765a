package fr.novaevo.workstation.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import fr.novaevo.workstation.core.error.WorkstationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobRegistryTest {

    private final JobRegistry registry = new JobRegistry(Clock.systemUTC(), 2);

    @AfterEach
    void stop() {
        registry.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void aJobReportsProgressAndItsResult() throws Exception {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        Job<String> job = registry.submit("backup.manual", "workstation.zip", context -> {
            context.progress(1, 2, "copie");
            halfway.countDown();
            proceed.await(10, TimeUnit.SECONDS);
            context.progress(2, 2, "fini");
            return "ok";
        });
        assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
        JobSnapshot running = job.snapshot();
        assertThat(running.state()).isEqualTo(JobState.RUNNING);
        assertThat(running.progress().fraction()).isEqualTo(0.5);
        assertThat(running.progress().step()).isEqualTo("copie");
        assertThat(registry.activeCount()).isEqualTo(1);
        proceed.countDown();
        assertThat(job.result().get(10, TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(registry.activeCount()).isZero();
    }

    @Test
    void cancellingARunningJobStopsItAtItsNextCheckOrWait() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Job<Void> job = registry.submit("test.long", "", context -> {
            started.countDown();
            for (int i = 0; ; i++) {
                context.checkCancelled();
                context.progress(i, -1, "boucle");
                Thread.sleep(5);
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(registry.cancel(job.id())).isTrue();
        assertThatThrownBy(() -> job.result().get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);
        assertThat(job.state()).isEqualTo(JobState.CANCELLED);
    }

    @Test
    void aQueuedJobCancelledBeforeItStartsNeverRuns() throws Exception {
        JobRegistry single = new JobRegistry(Clock.systemUTC(), 1);
        try {
            CountDownLatch release = new CountDownLatch(1);
            single.submit("test.blocker", "", context -> release.await(10, TimeUnit.SECONDS));
            boolean[] ran = {false};
            Job<Void> queued = single.submit("test.queued", "", context -> {
                ran[0] = true;
                return null;
            });
            queued.cancel();
            release.countDown();
            assertThat(queued.state()).isEqualTo(JobState.CANCELLED);
            single.shutdown(Duration.ofSeconds(5));
            assertThat(ran[0]).isFalse();
        } finally {
            single.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void aFailureKeepsItsStableCode() {
        Job<Void> job = registry.submit("backup.manual", "", context -> {
            throw new WorkstationException("DB-NOT-WRITABLE", "disk full");
        });
        assertThatThrownBy(() -> job.result().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        JobSnapshot failed = job.snapshot();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.errorCode()).hasValue("DB-NOT-WRITABLE");
        assertThat(failed.errorMessage()).hasValue("disk full");
    }

    @Test
    void etaIsEstimatedFromTheRateSoFar() {
        Progress p = Progress.of(0, 10, "");
        assertThat(p.eta()).isEmpty();
        assertThat(Progress.of(3, -1, "").fraction()).isEqualTo(-1.0);
        assertThat(Progress.of(0, 0, "").fraction()).isEqualTo(1.0);
    }
}
