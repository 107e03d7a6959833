package dev.vcportfolio.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Takes back jobs whose lease expired (their worker died): to {@code pending}, or to {@code failed} with the owner
 * marked failed when that was the last attempt. Runs on every replica; SKIP LOCKED keeps reapers apart. Also
 * refreshes the queue-depth gauge.
 */
@ApplicationScoped
class OutboxReaper {

    private static final Logger LOG = Logger.getLogger(OutboxReaper.class);

    private final OutboxRepository repository;
    private final OutboxMetrics metrics;
    private final OutboxConfig config;
    private final OutboxWorker worker;
    private final Pool pool;
    private final Vertx vertx;
    private final JobGiveUp giveUp;
    private long timer = -1;

    OutboxReaper(
            OutboxRepository repository,
            OutboxMetrics metrics,
            OutboxConfig config,
            OutboxWorker worker,
            Pool pool,
            Vertx vertx,
            JobGiveUp giveUp) {
        this.repository = repository;
        this.metrics = metrics;
        this.config = config;
        this.worker = worker;
        this.pool = pool;
        this.vertx = vertx;
        this.giveUp = giveUp;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            timer = vertx.setPeriodic(config.reaperInterval().toMillis(), tick -> reapAndMeasure());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void reapAndMeasure() {
        reap().subscribe()
                .with(
                        count -> {
                            if (count > 0) {
                                worker.wake();
                            }
                        },
                        failure -> LOG.warnf("Outbox reaper failed: %s", failure.getMessage()));
        repository.queueDepth().subscribe().with(metrics::queueDepth, failure -> {});
    }

    /** One pass: every expired lease it could lock, in one transaction; the count of jobs taken back. */
    Uni<Integer> reap() {
        double staleSeconds = config.staleAfter().toMillis() / 1000.0;
        return pool.withTransaction(transaction -> repository
                .stale(transaction, staleSeconds)
                .onItem()
                .transformToMulti(jobs -> Multi.createFrom().iterable(jobs))
                .onItem()
                .transformToUniAndConcatenate(job -> takeBack(transaction, job))
                .collect()
                .asList()
                .map(taken -> taken.size()));
    }

    private Uni<ClaimedJob> takeBack(SqlConnection transaction, ClaimedJob job) {
        metrics.reaped(job);
        String reason = "worker lost (no heartbeat for " + config.staleAfter().toSeconds() + " s) at attempt "
                + job.attempt() + " of " + job.maxAttempts();
        if (!job.lastAttempt()) {
            LOG.warnf("Job %s: %s; back to pending", job.idempotencyKey(), reason);
            return repository.reap(transaction, job, reason).replaceWith(job);
        }
        LOG.errorf("Job %s: %s; failed", job.idempotencyKey(), reason);
        metrics.failed(job);
        return giveUp.giveUp(transaction, job, reason).replaceWith(job);
    }
}
