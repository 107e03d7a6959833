package dev.vcportfolio.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.support.Await;
import dev.vcportfolio.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A job due later waits for its time even when the worker is woken before it: every check compares the database's
 * clock with the row's due time in one statement, so how fast this test or the worker runs does not enter.
 * ({@link OutboxNotifyTest} shows a NOTIFY waking an idle worker.)
 */
@QuarkusTest
class OutboxDueTimeTest {

    private static final String KEY = "probe:due-later";

    /**
     * Generous: the job is due 2 s after it is written and the tests' poll (5 s) picks it up after that; this bound
     * only turns a job that never runs into a failure.
     */
    private static final Duration RUNS = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @AfterEach
    void cleanUp() {
        OutboxProbes.cleanUp(pool, KEY);
    }

    @Test
    void a_job_due_later_is_not_claimed_early() {
        // given a job due in 2 s by the database's clock
        Sql.run(pool, """
                INSERT INTO job_outbox (idempotency_key, job_type, payload, next_run_at)
                VALUES ($1, 'probe', '{}', now() + interval '2 seconds')""", KEY);

        // when the workers are woken at once
        OutboxProbes.notifyWorkers(pool);

        // then no check finds it attempted while the database's clock is still before its due time, and it runs after
        Await.atMost(RUNS, "the job due later to complete").until(() -> {
            Row row = Sql.run(pool, """
                            SELECT attempts > 0 AND now() < next_run_at AS early, status = 'completed' AS done
                            FROM job_outbox WHERE idempotency_key = $1""", KEY).iterator().next();
            assertThat(row.getBoolean("early"))
                    .as("attempted before it was due")
                    .isFalse();
            return row.getBoolean("done");
        });
        // its effect was committed after its due time, by its one attempt
        assertThat(Sql.scalarLong(pool, """
                        SELECT count(*) FROM outbox_probe_effects AS effect JOIN job_outbox AS job USING (idempotency_key)
                        WHERE job.idempotency_key = $1 AND effect.recorded_at >= job.next_run_at
                          AND effect.attempt = 1 AND job.attempts = 1""", KEY)).isEqualTo(1);
    }
}
