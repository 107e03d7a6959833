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
}
