package dev.vcportfolio.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Commits finished jobs' effects together with their completion, several jobs per transaction.
 *
 * <p>Up to {@link #MAX_COMMITS} batches commit at a time; jobs that finish meanwhile queue and go in the next batch
 * (at most {@link #MAX_BATCH} jobs), so batches form only under load and a lone job commits at once.
 *
 * <p>A batch first completes, with one lease-checked UPDATE, the jobs whose rows still carry this worker's attempt,
 * then applies the effects of exactly those jobs: a job whose lease was lost commits nothing, the others commit. If
 * the batch fails (an effect's error, a deadlock, a lost connection), none of it was committed and each of its jobs is
 * committed again alone, so a failing effect fails only its own job. A lone job takes that single-job path directly:
 * its effect, then its lease-checked UPDATE, in its own transaction.
 */
final class JobCompleter {

    private static final Logger LOG = Logger.getLogger(JobCompleter.class);

    /** Bounds one transaction; a worker seldom holds more finished jobs than its concurrency. */
    static final int MAX_BATCH = 64;

    /**
     * Batches committing at once. More than one keeps completions flowing while a commit waits for the server (a
     * single one made the drain latency-bound on a busy machine); few enough that batches stay large.
     */
    static final int MAX_COMMITS = 4;

    private final Pool pool;
    private final OutboxRepository repository;
    private final ConcurrentLinkedQueue<Finished> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger committing = new AtomicInteger();

    JobCompleter(Pool pool, OutboxRepository repository) {
        this.pool = pool;
        this.repository = repository;
    }

    /**
     * Queues the job for the next batch. The result is {@code COMPLETED} or {@code LEASE_LOST}, or a failure (the
     * effect's or the commit's) when nothing of this job was committed.
     */
    Uni<JobOutcome> complete(ClaimedJob job, JobEffect effect) {
        return completeAll(List.of(new Finished(job, effect))).getFirst();
    }

    /** Queues the jobs together (they share a batch unless one is already being committed); outcomes in order. */
    List<Uni<JobOutcome>> completeAll(List<Finished> jobs) {
        queue.addAll(jobs);
        commitNext();
        return jobs.stream()
                .map(finished -> Uni.createFrom().completionStage(finished.outcome()))
                .toList();
    }

    /** A finished job, its effect, and where its outcome is reported. */
    record Finished(ClaimedJob job, JobEffect effect, CompletableFuture<JobOutcome> outcome) {
        Finished(ClaimedJob job, JobEffect effect) {
            this(job, effect, new CompletableFuture<>());
        }

        void report(JobOutcome result, Throwable failure) {
            if (failure == null) {
                outcome.complete(result);
            } else {
                outcome.completeExceptionally(failure);
            }
        }
    }

    private void commitNext() {
        int current;
        do {
            current = committing.get();
            if (current >= MAX_COMMITS) {
                return;
            }
        } while (!committing.compareAndSet(current, current + 1));
        List<Finished> batch = new ArrayList<>();
        for (Finished next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            committing.decrementAndGet();
            if (!queue.isEmpty()) { // queued between the last poll and the reset
                commitNext();
            }
            return;
        }
        Uni<Void> commit = batch.size() == 1 ? alone(batch.getFirst()) : together(batch);
        commit.subscribe().with(done -> next(), failure -> next());
    }

    private void next() {
        committing.decrementAndGet();
        commitNext();
    }

    private Uni<Void> together(List<Finished> batch) {
        List<ClaimedJob> jobs = batch.stream().map(Finished::job).toList();
        return pool.withTransaction(transaction ->
                        repository.completeAll(transaction, jobs).call(held -> effects(transaction, batch, held)))
                .onItem()
                .invoke(held -> batch.forEach(finished -> finished.report(
                        held.contains(finished.job().id()) ? JobOutcome.COMPLETED : JobOutcome.LEASE_LOST, null)))
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.debugf("A batch of %d completions failed (%s); committing each alone", batch.size(), failure);
                    return Uni.join()
                            .all(batch.stream().map(this::alone).toList())
                            .andCollectFailures()
                            .replaceWithVoid();
                });
    }

    /**
     * The effects of the jobs still held: first the {@link JobEffect.Statement}s, each distinct SQL as one batch (one
     * round trip), then the others one after another.
     */
    private static Uni<Void> effects(SqlConnection transaction, List<Finished> batch, Set<UUID> held) {
        Map<String, List<Tuple>> statements = new LinkedHashMap<>();
        List<JobEffect> others = new ArrayList<>();
        for (Finished finished : batch) {
            if (!held.contains(finished.job().id())) {
                continue;
            }
            if (finished.effect() instanceof JobEffect.Statement statement) {
                statements
                        .computeIfAbsent(statement.sql(), sql -> new ArrayList<>())
                        .add(statement.parameters());
            } else {
                others.add(finished.effect());
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<Tuple>> statement : statements.entrySet()) {
            chain = chain.chain(() -> transaction
                    .preparedQuery(statement.getKey())
                    .executeBatch(statement.getValue())
                    .replaceWithVoid());
        }
        for (JobEffect effect : others) {
            chain = chain.chain(() -> effect.apply(transaction));
        }
        return chain;
    }

    /** The single-job path: effect, then lease-checked UPDATE; a lost lease rolls the effect back. Never fails. */
    private Uni<Void> alone(Finished finished) {
        return pool.withTransaction(transaction -> finished.effect()
                        .apply(transaction)
                        .chain(() -> repository.complete(transaction, finished.job()))
                        .chain(held -> held
                                ? Uni.createFrom().item(JobOutcome.COMPLETED)
                                : Uni.createFrom().failure(new LeaseLost())))
                .onFailure(LeaseLost.class)
                .recoverWithItem(JobOutcome.LEASE_LOST)
                .onItemOrFailure()
                .invoke(finished::report)
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** The job's row no longer carries this attempt: another worker owns it, so this one commits nothing. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("lease lost", null, false, false);
        }
    }
}
