package dev.vcportfolio.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Does one kind of job. {@link #run} computes (CPU-heavy work on the compute pool, never on the event loop) and
 * returns the effect to commit; it must succeed with {@link JobEffect#NONE} when it finds its work already done, since
 * delivery is at least once.
 *
 * <p>The worker commits the effect with the job's completion, possibly in one transaction with other jobs that
 * finished at the same time; only the effects of jobs whose lease still holds are applied, and an effect that fails
 * is retried alone, so it fails only its own job. An effect must therefore not depend on other jobs' effects. An
 * effect that is a single statement is best returned as {@link JobEffect#statement}: the same statement of several
 * jobs then goes to the server as one batch.
 */
public interface JobHandler {

    JobType type();

    Uni<JobEffect> run(ClaimedJob job);

    /** Marks the job's owner (matrix, session) failed, in the transaction that gives the job up. */
    default Uni<Void> givenUp(SqlConnection transaction, ClaimedJob job, String reason) {
        return Uni.createFrom().voidItem();
    }
}
