package dev.vcportfolio.outbox;

import dev.vcportfolio.support.Sql;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;

/** Probe jobs for outbox tests: each test uses its own key prefix, so tests never see each other's rows. */
final class OutboxProbes {

    /**
     * How long a test waits for probe jobs the workers were woken for: generous, as each runs in milliseconds; the
     * bound only turns a job that never runs into a failure.
     */
    static final Duration JOB_DEADLINE = Duration.ofSeconds(60);

    private OutboxProbes() {}

    /** Inserts {@code count} due probe jobs in one statement, then wakes the workers. */
    static void insert(Pool pool, String prefix, int count, String payload, int maxAttempts) {
        Sql.run(pool, """
                INSERT INTO job_outbox (idempotency_key, job_type, payload, max_attempts)
                SELECT $1 || i, 'probe', $2, $3 FROM generate_series(1, $4) AS i""", prefix, new JsonObject(payload), maxAttempts, count);
        notifyWorkers(pool);
    }

    static void notifyWorkers(Pool pool) {
        Sql.run(pool, "SELECT pg_notify('job_outbox', 'probe')");
    }

    static long count(Pool pool, String prefix, String status) {
        return Sql.scalarLong(
                pool,
                "SELECT count(*) FROM job_outbox WHERE idempotency_key LIKE $1 || '%' AND status = $2",
                prefix,
                status);
    }

    static long effects(Pool pool, String prefix) {
        return Sql.scalarLong(
                pool, "SELECT count(*) FROM outbox_probe_effects WHERE idempotency_key LIKE $1 || '%'", prefix);
    }

    static void cleanUp(Pool pool, String prefix) {
        Sql.run(pool, "DELETE FROM job_outbox WHERE idempotency_key LIKE $1 || '%'", prefix);
        Sql.run(pool, "DELETE FROM outbox_probe_effects WHERE idempotency_key LIKE $1 || '%'", prefix);
    }
}
