package dev.vcportfolio.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * NOTIFY starts an idle worker at once (the test poll is 5 s, so a fast start cannot come from polling), and a job due
 * later waits for its time.
 */
@QuarkusTest
class OutboxWakeUpTest {

    private static final String PREFIX = "probe:wake-";

    @Inject
    Pool pool;

    @Inject
    OutboxRepository repository;

    @AfterEach
    void cleanUp() {
        OutboxProbes.cleanUp(pool, PREFIX);
    }

    @Test
    void notify_wakes_an_idle_worker_in_well_under_the_poll_interval() throws InterruptedException {
        Thread.sleep(300); // let the worker go idle
        for (int i = 0; i < 5; i++) {
            // when a job is enqueued and committed
            long start = System.nanoTime();
            String subject = "wake-" + i;
            pool.withTransaction(
                            transaction -> repository.enqueue(transaction, JobType.PROBE, subject, new JsonObject(), 0))
                    .await()
                    .atMost(Duration.ofSeconds(5));
            OutboxProbes.await(
                    "job " + i + " to complete",
                    Duration.ofSeconds(10),
                    () -> OutboxProbes.count(pool, "probe:" + subject, "completed") == 1);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // then
            System.out.printf("enqueue to completed, run %d: %d ms%n", i, took.toMillis());
            assertThat(took).isLessThan(Duration.ofMillis(500));
        }
    }

    @Test
    void a_job_due_later_is_not_claimed_early() {
        // given a job due in 2 s, announced now
        Sql.run(pool, """
                INSERT INTO job_outbox (idempotency_key, job_type, payload, next_run_at)
                VALUES ('probe:wake-later', 'probe', '{}', now() + interval '2 seconds')""");
        OutboxProbes.notifyWorkers(pool);
        long start = System.nanoTime();

        // then it stays pending and unattempted until then, and runs after (on the 5 s poll at the latest)
        OutboxProbes.await("the job to complete", Duration.ofSeconds(15), () -> {
            long attempts =
                    Sql.scalarLong(pool, "SELECT attempts FROM job_outbox WHERE idempotency_key = 'probe:wake-later'");
            if (attempts > 0) {
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
            }
            return OutboxProbes.count(pool, "probe:wake-later", "completed") == 1;
        });
        assertThat(OutboxProbes.effects(pool, "probe:wake-later")).isEqualTo(1);
    }
}
