package dev.vcportfolio.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.support.Await;
import dev.vcportfolio.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Jobs whose worker died come back to pending, and a job that keeps losing its worker fails at max_attempts. */
@QuarkusTest
class OutboxReaperTest {

    private static final String PREFIX = "reaper:";

    @Inject
    Pool pool;

    @Inject
    OutboxReaper reaper;

    @AfterEach
    void cleanUp() {
        OutboxProbes.cleanUp(pool, PREFIX);
    }

    @Test
    void an_expired_lease_is_taken_back_and_the_job_then_runs_once() {
        // given a job claimed (attempt 1 of 3) by a worker that stopped heartbeating two minutes ago, and a live one
        insertProcessing(PREFIX + "dead", 1, 3, 120.0);
        insertProcessing(PREFIX + "alive", 1, 3, 1.0);

        // when
        int taken = reaper.reap().await().atMost(Duration.ofSeconds(30));

        // then only the dead one came back, and a worker ran it at attempt 2
        assertThat(taken).isEqualTo(1);
        OutboxProbes.notifyWorkers(pool);
        Await.atMost(OutboxProbes.JOB_DEADLINE, "the rescued job to complete")
                .until(() -> OutboxProbes.count(pool, PREFIX + "dead", "completed") == 1);
        assertThat(Sql.scalarLong(pool, "SELECT attempts FROM job_outbox WHERE idempotency_key = $1", PREFIX + "dead"))
                .isEqualTo(2);
        assertThat(OutboxProbes.effects(pool, PREFIX + "dead")).isEqualTo(1);
        assertThat(OutboxProbes.count(pool, PREFIX + "alive", "processing")).isEqualTo(1);
    }

    @Test
    void a_job_that_lost_its_worker_at_the_last_attempt_fails_with_the_reason() {
        // given
        insertProcessing(PREFIX + "last", 3, 3, 300.0);

        // when
        int taken = reaper.reap().await().atMost(Duration.ofSeconds(30));

        // then
        assertThat(taken).isEqualTo(1);
        assertThat(OutboxProbes.count(pool, PREFIX + "last", "failed")).isEqualTo(1);
        assertThat(Sql.column(pool, "SELECT error_reason FROM job_outbox WHERE idempotency_key = $1", PREFIX + "last"))
                .singleElement()
                .asString()
                .startsWith("worker lost (no heartbeat for 60 s) at attempt 3 of 3");
        assertThat(OutboxProbes.effects(pool, PREFIX + "last")).isZero();
    }

    private void insertProcessing(String key, int attempts, int maxAttempts, double secondsSinceHeartbeat) {
        Sql.run(pool, """
                INSERT INTO job_outbox (idempotency_key, job_type, payload, status, attempts, max_attempts, processing_at)
                VALUES ($1, 'probe', '{}', 'processing', $2, $3, now() - make_interval(secs => $4))""", key, attempts, maxAttempts, secondsSinceHeartbeat);
    }
}
