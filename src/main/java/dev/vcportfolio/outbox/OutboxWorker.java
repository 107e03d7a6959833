package dev.vcportfolio.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * This replica's outbox loop: claims as many due jobs as it has free slots, runs each through its handler, and commits
 * the handler's effect with the job's completion. Woken by NOTIFY ({@link OutboxListener}), by a finished job, and by
 * a poll as the fallback.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);

    private final OutboxRepository repository;
    private final OutboxMetrics metrics;
    private final OutboxConfig config;
    private final Pool pool;
    private final Vertx vertx;
    private final JobHandlers handlers;
    private final JobGiveUp giveUp;
    private final int concurrency;
    private final Map<UUID, ClaimedJob> running = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final Random jitter = new Random();
    private volatile boolean started;
    private volatile boolean stopping;
    private long pollTimer = -1;
    private long heartbeatTimer = -1;

    OutboxWorker(
            OutboxRepository repository,
            OutboxMetrics metrics,
            OutboxConfig config,
            Pool pool,
            Vertx vertx,
            JobHandlers handlers,
            JobGiveUp giveUp) {
        this.repository = repository;
        this.metrics = metrics;
        this.config = config;
        this.pool = pool;
        this.vertx = vertx;
        this.handlers = handlers;
        this.giveUp = giveUp;
        this.concurrency = config.concurrency().orElse(Runtime.getRuntime().availableProcessors());
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Outbox worker disabled on this replica (app.outbox.enabled=false)");
            return;
        }
        started = true;
        pollTimer = vertx.setPeriodic(config.pollInterval().toMillis(), tick -> wake());
        heartbeatTimer = vertx.setPeriodic(config.heartbeatInterval().toMillis(), tick -> heartbeat());
        LOG.infof("Outbox worker running %d job(s) at once; handlers for %s", concurrency, handlers.types());
        wake();
    }

    /** Asks for a claim round; rounds never overlap, and a wake during one starts another right after. */
    public void wake() {
        if (!started || stopping) {
            return;
        }
        wanted.set(true);
        if (!claiming.compareAndSet(false, true)) {
            return;
        }
        wanted.set(false);
        int free = concurrency - inFlight.get();
        if (free <= 0) {
            claiming.set(false);
            return;
        }
        repository
                .claim(free)
                .subscribe()
                .with(
                        jobs -> {
                            inFlight.addAndGet(jobs.size());
                            claiming.set(false);
                            jobs.forEach(this::run);
                            if (jobs.size() == free || wanted.get()) {
                                wake();
                            }
                        },
                        failure -> {
                            claiming.set(false);
                            LOG.warnf("Outbox claim failed (the poll retries): %s", failure.getMessage());
                        });
    }

    public int concurrency() {
        return concurrency;
    }

    /** Jobs this worker completed since start. */
    public long completed() {
        return completed.get();
    }

    private void run(ClaimedJob job) {
        running.put(job.id(), job);
        metrics.claimed(job);
        long started = System.nanoTime();
        JobHandler handler = handlers.forColumn(job.jobType()).orElse(null);
        Uni<JobEffect> work = handler == null
                ? Uni.createFrom().failure(new IllegalStateException("no handler for job type " + job.jobType()))
                : Uni.createFrom().deferred(() -> handler.run(job));
        work.onItem()
                .transformToUni(effect -> complete(job, effect))
                .onFailure()
                .recoverWithUni(failure -> fail(job, failure))
                .subscribe()
                .with(outcome -> finished(job, outcome, Duration.ofNanos(System.nanoTime() - started)), failure -> {
                    LOG.errorf(failure, "Outbox could not record the outcome of job %s", job.idempotencyKey());
                    finished(job, Outcome.UNRECORDED, Duration.ZERO);
                });
    }

    private Uni<Outcome> complete(ClaimedJob job, JobEffect effect) {
        return pool.withTransaction(transaction -> effect.apply(transaction)
                        .chain(() -> repository.complete(transaction, job))
                        .chain(held -> held
                                ? Uni.createFrom().item(Outcome.COMPLETED)
                                : Uni.createFrom().failure(new LeaseLost())))
                .onFailure(LeaseLost.class)
                .recoverWithItem(Outcome.LEASE_LOST);
    }

    private Uni<Outcome> fail(ClaimedJob job, Throwable failure) {
        String reason = reason(failure);
        if (!job.lastAttempt()) {
            double delay = Backoff.seconds(job.attempt(), jitter);
            LOG.warnf(
                    "Job %s failed (attempt %d of %d), retrying in %.1f s: %s",
                    job.idempotencyKey(), job.attempt(), job.maxAttempts(), delay, reason);
            return pool.withTransaction(transaction -> repository.retry(transaction, job, delay, reason))
                    .map(held -> held ? Outcome.RETRIED : Outcome.LEASE_LOST);
        }
        LOG.errorf("Job %s failed at its last attempt (%d): %s", job.idempotencyKey(), job.attempt(), reason);
        return pool.withTransaction(transaction -> giveUp.giveUp(transaction, job, reason))
                .map(held -> held ? Outcome.FAILED : Outcome.LEASE_LOST);
    }

    private void finished(ClaimedJob job, Outcome outcome, Duration took) {
        switch (outcome) {
            case COMPLETED -> {
                completed.incrementAndGet();
                metrics.completed(job, took);
            }
            case RETRIED -> metrics.retried(job);
            case FAILED -> metrics.failed(job);
            case LEASE_LOST -> {
                metrics.leaseLost(job);
                LOG.warnf("Job %s was taken back while it ran; its result was discarded", job.idempotencyKey());
            }
            case UNRECORDED -> {}
        }
        running.remove(job.id());
        inFlight.decrementAndGet();
        wake();
    }

    private void heartbeat() {
        if (running.isEmpty()) {
            return;
        }
        repository
                .heartbeat(List.copyOf(running.keySet()))
                .subscribe()
                .with(renewed -> {}, failure -> LOG.warnf("Outbox heartbeat failed: %s", failure.getMessage()));
    }

    /** Stops claiming, lets in-flight jobs finish within the grace period, then hands the rest back. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (!started) {
            return;
        }
        stopping = true;
        vertx.cancelTimer(pollTimer);
        long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        vertx.cancelTimer(heartbeatTimer);
        if (!running.isEmpty()) {
            CountDownLatch released = new CountDownLatch(1);
            repository
                    .release(List.copyOf(running.values()))
                    .subscribe()
                    .with(
                            count -> {
                                LOG.infof("Outbox worker released %d unfinished job(s) to other replicas", count);
                                released.countDown();
                            },
                            failure -> {
                                LOG.warnf(
                                        "Outbox worker could not release its jobs (the reaper will): %s",
                                        failure.getMessage());
                                released.countDown();
                            });
            released.await(5, TimeUnit.SECONDS);
        }
    }

    private static String reason(Throwable failure) {
        String message = failure.getMessage();
        String reason = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    }

    private enum Outcome {
        COMPLETED,
        RETRIED,
        FAILED,
        LEASE_LOST,
        UNRECORDED
    }

    /** The job's row no longer carries this attempt: another worker owns it, so this one commits nothing. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("lease lost", null, false, false);
        }
    }
}
