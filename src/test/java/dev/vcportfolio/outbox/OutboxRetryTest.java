package dev.vcportfolio.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.support.Await;
import dev.vcportfolio.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failing job comes back after min(2^attempt, 300) s plus jitter, keeps its reason, and fails at max_attempts. */
@QuarkusTest
class OutboxRetryTest {

    private static final String PREFIX = "retry:";

    @Inject
    Pool pool;

    @AfterEach
    void cleanUp() {
        OutboxProbes.cleanUp(pool, PREFIX);
    }

    @Test
    void a_failing_job_is_retried_with_backoff_then_failed_at_max_attempts() {
        // given a probe that always fails, allowed three attempts
        OutboxProbes.insert(pool, PREFIX, 1, "{\"fail\": \"disk on fire\"}", 3);

        for (int attempt = 1; attempt <= 2; attempt++) {
            // when the attempt fails (the row is read once, when it shows the failure, so the worker cannot have moved
            // it on between the wait and the checks)
            int expected = attempt;
            Row row = Await.atMost(OutboxProbes.JOB_DEADLINE, "attempt " + attempt + " to fail")
                    .until(
                            this::job,
                            job -> job.getString("status").equals("pending") && job.getInteger("attempts") == expected);

            // then the job waits 2^attempt seconds plus at most a quarter more
            double delay = row.getDouble("delay");
            assertThat(delay).isBetween(Math.pow(2, attempt) - 0.5, Math.pow(2, attempt) * 1.25 + 0.5);
            assertThat(row.getString("error_reason")).isEqualTo("ProbeFailure: disk on fire");
            assertThat(row.getValue("processing_at")).isNull();

            // the test does not sit through the wait (OutboxDueTimeTest shows a job waiting for its time)
            Sql.run(pool, "UPDATE job_outbox SET next_run_at = now() WHERE idempotency_key LIKE $1 || '%'", PREFIX);
            OutboxProbes.notifyWorkers(pool);
        }

        // then the third failure is final
        Await.atMost(OutboxProbes.JOB_DEADLINE, "the job to fail")
                .until(() -> OutboxProbes.count(pool, PREFIX, "failed") == 1);
        Row failed = job();
        assertThat(failed.getInteger("attempts")).isEqualTo(3);
        assertThat(failed.getString("error_reason")).isEqualTo("ProbeFailure: disk on fire");
        assertThat(failed.getValue("completed_at")).isNotNull();
        assertThat(OutboxProbes.effects(pool, PREFIX)).isZero();
    }

    @Test
    void backoff_doubles_per_attempt_up_to_300_seconds_plus_a_quarter_of_jitter() {
        SplittableRandom random = new SplittableRandom(5);
        for (int attempt = 1; attempt <= 40; attempt++) {
            double base = Math.min(Math.pow(2, attempt), 300);
            for (int draw = 0; draw < 50; draw++) {
                assertThat(Backoff.seconds(attempt, random)).isBetween(base, base * 1.25);
            }
        }
    }

    private Row job() {
        return Sql.run(pool, """
                        SELECT status, attempts, error_reason, processing_at, completed_at,
                               extract(epoch FROM next_run_at - updated_at)::float8 AS delay
                        FROM job_outbox WHERE idempotency_key LIKE $1 || '%'""", PREFIX).iterator().next();
    }
}
