package fr.novaevo.workstation.core.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every background job of the application, so that the status bar and Supervision can show them and the
 * user can cancel them. Jobs run on this registry's threads; finished jobs are kept for a while for display.
 */
public final class JobRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRegistry.class);
    private static final Duration KEEP_FINISHED = Duration.ofHours(24);
    private static final int MAX_FINISHED = 200;

    private final Clock clock;
    private final ExecutorService executor;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Job<?>> jobs = new ConcurrentHashMap<>();

    public JobRegistry(Clock clock, int threads) {
        this.clock = clock;
        this.executor = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("job-", 1).daemon(true).factory());
    }

    /** Queues a job and returns it at once. */
    public <T> Job<T> submit(String kind, String subject, JobWork<T> work) {
        Job<T> job = new Job<>(ids.incrementAndGet(), kind, subject, clock);
        jobs.put(job.id(), job);
        forgetOldJobs();
        executor.execute(() -> {
            job.run(work);
            JobSnapshot end = job.snapshot();
            if (end.state() == JobState.FAILED) {
                LOG.warn("Job {} ({}) failed: {}", end.id(), end.kind(), end.errorMessage().orElse(""));
            } else {
                LOG.info("Job {} ({}) ended: {}", end.id(), end.kind(), end.state());
            }
        });
        return job;
    }

    /** All jobs, running first, then queued, then the most recently finished. */
    public List<JobSnapshot> snapshots() {
        List<JobSnapshot> all = new ArrayList<>();
        jobs.values().forEach(job -> all.add(job.snapshot()));
        all.sort(Comparator.comparing((JobSnapshot s) -> s.state().ordinal() > JobState.RUNNING.ordinal())
                .thenComparing(JobSnapshot::id, Comparator.reverseOrder()));
        return all;
    }

    public long activeCount() {
        return jobs.values().stream().filter(job -> !job.state().finished()).count();
    }

    public Optional<Job<?>> find(long id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public boolean cancel(long id) {
        Job<?> job = jobs.get(id);
        if (job == null || job.state().finished()) {
            return false;
        }
        job.cancel();
        return true;
    }

    private void forgetOldJobs() {
        Instant horizon = clock.instant().minus(KEEP_FINISHED);
        List<JobSnapshot> finished = jobs.values().stream().map(Job::snapshot).filter(s -> s.state().finished())
                .sorted(Comparator.comparing(JobSnapshot::id, Comparator.reverseOrder())).toList();
        for (int i = 0; i < finished.size(); i++) {
            JobSnapshot s = finished.get(i);
            if (i >= MAX_FINISHED || s.finishedAt().map(horizon::isAfter).orElse(false)) {
                jobs.remove(s.id());
            }
        }
    }

    /** Cancels what is running and waits up to {@code deadline} for it to stop. */
    public boolean shutdown(Duration deadline) {
        jobs.values().forEach(Job::cancel);
        executor.shutdown();
        try {
            return executor.awaitTermination(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(5));
    }
}
