package dev.vcportfolio.housekeeping;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/**
 * The clean-up's deletes, one batch per statement. Candidates are locked {@code FOR UPDATE SKIP LOCKED}, so replicas
 * running at once take different rows, and a row someone is using right now (a matrix a session request holds FOR
 * SHARE, a job being re-armed) is skipped, not waited for.
 */
@ApplicationScoped
class HousekeepingRepository {

    /**
     * Finished jobs ({@code completed}, {@code failed}, {@code cancelled}: never {@code pending} or {@code processing})
     * created and finished before $1, oldest first, at most $2, over the partial index job_outbox_finished_idx. A
     * matrix_generation job stays while its matrix exists: restarting a failed matrix re-arms that very row
     * (GenerationRepository.restartFailedJob) instead of inserting one, so without it the matrix would wait for ever.
     */
    private static final String FINISHED_JOBS = """
            WITH doomed AS (
                SELECT j.id
                FROM job_outbox j
                WHERE j.status IN ('completed', 'failed', 'cancelled')
                  AND j.created_at < $1
                  AND j.completed_at < $1
                  AND NOT EXISTS (SELECT 1
                                  FROM scenario_matrices m
                                  WHERE j.job_type = 'matrix_generation'
                                    AND m.matrix_key = substr(j.idempotency_key, length('matrix_generation:') + 1))
                ORDER BY j.created_at
                LIMIT $2
                FOR UPDATE OF j SKIP LOCKED
            )
            DELETE FROM job_outbox j
            USING doomed
            WHERE j.id = doomed.id""";

    /**
     * Matrices that are done ({@code complete} or {@code failed}, never {@code generating}), created, finished and last
     * read before $1, that no session row references (whatever its state: a stored session keeps its matrix) and that
     * no pending or running generation job names; oldest first, at most $2. A session inserted between this
     * statement's snapshot and its delete makes the foreign key refuse the delete, so the whole batch rolls back and
     * the next run, seeing the session, keeps the matrix.
     */
    private static final String UNREFERENCED_MATRICES = """
            WITH doomed AS (
                SELECT m.id
                FROM scenario_matrices m
                WHERE m.status IN ('complete', 'failed')
                  AND GREATEST(m.created_at, m.completed_at, m.last_accessed_at) < $1
                  AND NOT EXISTS (SELECT 1 FROM optimization_sessions s WHERE s.matrix_id = m.id)
                  AND NOT EXISTS (SELECT 1
                                  FROM job_outbox j
                                  WHERE j.idempotency_key = 'matrix_generation:' || m.matrix_key
                                    AND j.status IN ('pending', 'processing'))
                ORDER BY m.created_at
                LIMIT $2
                FOR UPDATE OF m SKIP LOCKED
            )
            DELETE FROM scenario_matrices m
            USING doomed
            WHERE m.id = doomed.id""";

    private final Pool pool;

    HousekeepingRepository(Pool pool) {
        this.pool = pool;
    }

    /** Deletes up to {@code limit} finished jobs older than {@code cutoff}; how many it deleted. */
    Uni<Integer> deleteFinishedJobs(OffsetDateTime cutoff, int limit) {
        return pool.preparedQuery(FINISHED_JOBS)
                .execute(Tuple.of(cutoff, limit))
                .map(RowSet::rowCount);
    }

    /** Deletes up to {@code limit} unreferenced matrices untouched since before {@code cutoff}; how many it deleted. */
    Uni<Integer> deleteUnreferencedMatrices(OffsetDateTime cutoff, int limit) {
        return pool.preparedQuery(UNREFERENCED_MATRICES)
                .execute(Tuple.of(cutoff, limit))
                .map(RowSet::rowCount);
    }
}
