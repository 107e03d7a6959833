package dev.vcportfolio.outbox;

/** The outbox statements, kept together so tests can EXPLAIN exactly what the worker runs. */
final class OutboxSql {

    private OutboxSql() {}

    /** $1 key, $2 type, $3 payload, $4 priority, $5 max attempts. Notifies idle workers when it inserts. */
    static final String ENQUEUE = """
            WITH inserted AS (
                INSERT INTO job_outbox (idempotency_key, job_type, payload, priority, max_attempts)
                VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (idempotency_key) DO NOTHING
                RETURNING id, job_type
            )
            SELECT id, pg_notify('job_outbox', job_type) IS NOT NULL AS notified FROM inserted""";

    /**
     * Claims up to $1 due jobs in one statement. The inner ORDER BY is exactly the claim index's column order, so
     * PostgreSQL walks the partial index and stops at LIMIT; SKIP LOCKED lets replicas claim side by side.
     */
    static final String CLAIM = """
            WITH due AS (
                SELECT id
                FROM job_outbox
                WHERE status = 'pending' AND next_run_at <= now() AND attempts < max_attempts
                ORDER BY priority DESC, next_run_at, created_at
                LIMIT $1
                FOR UPDATE SKIP LOCKED
            )
            UPDATE job_outbox AS job
            SET status = 'processing', attempts = job.attempts + 1, processing_at = now()
            FROM due
            WHERE job.id = due.id
            RETURNING job.id, job.idempotency_key, job.job_type, job.payload, job.attempts, job.max_attempts,
                      job.created_at, job.next_run_at, job.processing_at""";

    /** $1 id, $2 attempt: the lease check every completing statement carries. */
    static final String COMPLETE = """
            UPDATE job_outbox
            SET status = 'completed', completed_at = now(), processing_at = NULL, error_reason = NULL
            WHERE id = $1 AND status = 'processing' AND attempts = $2""";

    /** $1 id, $2 attempt, $3 delay in seconds, $4 reason. */
    static final String RETRY = """
            UPDATE job_outbox
            SET status = 'pending', processing_at = NULL, error_reason = $4,
                next_run_at = now() + make_interval(secs => $3)
            WHERE id = $1 AND status = 'processing' AND attempts = $2""";

    /** $1 id, $2 attempt, $3 reason. */
    static final String GIVE_UP = """
            UPDATE job_outbox
            SET status = 'failed', completed_at = now(), processing_at = NULL, error_reason = $3
            WHERE id = $1 AND status = 'processing' AND attempts = $2""";

    /** $1 ids: renews the leases of the jobs this worker runs. */
    static final String HEARTBEAT = """
            UPDATE job_outbox SET processing_at = now()
            WHERE id = ANY($1) AND status = 'processing'""";

    /**
     * $1 ids, $2 attempts: hands jobs back on shutdown without counting the attempt (the worker stopped, the job did
     * not fail).
     */
    static final String RELEASE = """
            UPDATE job_outbox AS job
            SET status = 'pending', processing_at = NULL, attempts = job.attempts - 1, next_run_at = now()
            FROM unnest($1::uuid[], $2::int[]) AS held(id, attempt)
            WHERE job.id = held.id AND job.status = 'processing' AND job.attempts = held.attempt""";

    /** $1 stale seconds: expired leases, locked so two reapers never take the same row. */
    static final String STALE = """
            SELECT id, idempotency_key, job_type, payload, attempts, max_attempts, created_at, next_run_at,
                   processing_at
            FROM job_outbox
            WHERE status = 'processing' AND processing_at < now() - make_interval(secs => $1)
            ORDER BY processing_at
            LIMIT 100
            FOR UPDATE SKIP LOCKED""";

    /** $1 id, $2 reason: a reclaim already counted as an attempt when the dead worker claimed it. */
    static final String REAP = """
            UPDATE job_outbox
            SET status = 'pending', processing_at = NULL, next_run_at = now(), error_reason = $2
            WHERE id = $1 AND status = 'processing'""";

    static final String QUEUE_DEPTH = """
            SELECT job_type, count(*) AS depth FROM job_outbox WHERE status = 'pending' GROUP BY job_type""";
}
