package dev.vcportfolio.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Outbox meters, tagged by job type: what was claimed, completed, retried and failed, and how long it took. */
@ApplicationScoped
class OutboxMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> depth = new ConcurrentHashMap<>();
    // built once per (meter, job type): a registry lookup with a fresh builder on every job is hot-path garbage
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void claimed(ClaimedJob job) {
        counter("outbox.jobs.claimed", job).increment();
        claimLatency(job)
                .ifPresent(latency -> timer(
                                "outbox.job.claim.latency",
                                "From a job becoming due to a worker claiming it (database clock on both ends)",
                                job)
                        .record(latency));
    }

    void completed(ClaimedJob job, Duration took) {
        counter("outbox.jobs.completed", job).increment();
        timer("outbox.job.duration", "Handler run and completion commit", job).record(took);
    }

    void retried(ClaimedJob job) {
        counter("outbox.jobs.retried", job).increment();
    }

    void failed(ClaimedJob job) {
        counter("outbox.jobs.failed", job).increment();
    }

    void leaseLost(ClaimedJob job) {
        counter("outbox.jobs.lease.lost", job).increment();
    }

    void reaped(ClaimedJob job) {
        counter("outbox.jobs.reaped", job).increment();
    }

    void queueDepth(Map<String, Long> pending) {
        for (JobType type : JobType.values()) {
            depth.computeIfAbsent(type.column(), column -> {
                        AtomicLong value = new AtomicLong();
                        registry.gauge("outbox.queue.depth", Tags.of("type", column), value);
                        return value;
                    })
                    .set(pending.getOrDefault(type.column(), 0L));
        }
    }

    private Counter counter(String name, ClaimedJob job) {
        return counters.computeIfAbsent(
                name + '|' + job.jobType(), key -> registry.counter(name, "type", job.jobType()));
    }

    private Timer timer(String name, String description, ClaimedJob job) {
        return timers.computeIfAbsent(
                name + '|' + job.jobType(),
                key -> Timer.builder(name)
                        .description(description)
                        .tag("type", job.jobType())
                        .publishPercentiles(0.5, 0.99)
                        .register(registry));
    }

    /** From the row's own timestamps, so clock skew between replicas does not enter. */
    private static Optional<Duration> claimLatency(ClaimedJob job) {
        if (job.claimedAt() == null) {
            return Optional.empty();
        }
        OffsetDateTime due = job.dueAt().isAfter(job.createdAt()) ? job.dueAt() : job.createdAt();
        Duration latency = Duration.between(due, job.claimedAt());
        return latency.isNegative() ? Optional.empty() : Optional.of(latency);
    }
}
