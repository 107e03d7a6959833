package dev.vcportfolio.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Does one kind of job. {@link #run} computes (CPU-heavy work on the compute pool, never on the event loop) and
 * returns the effect to commit; it must succeed with {@link JobEffect#NONE} when it finds its work already done, since
 * delivery is at least once.
 */
public interface JobHandler {

    JobType type();

    Uni<JobEffect> run(ClaimedJob job);

    /** Marks the job's owner (matrix, session) failed, in the transaction that gives the job up. */
    default Uni<Void> givenUp(SqlConnection transaction, ClaimedJob job, String reason) {
        return Uni.createFrom().voidItem();
    }
}
