package dev.vcportfolio.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.support.Await;
import dev.vcportfolio.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Enqueueing is idempotent on the job's key, also when eight transactions race. */
@QuarkusTest
class OutboxEnqueueTest {

    private static final String SUBJECT = "enqueue-race";

    @Inject
    Pool pool;

    @Inject
    OutboxRepository repository;

    @AfterEach
    void cleanUp() {
        OutboxProbes.cleanUp(pool, "probe:" + SUBJECT);
    }

    @Test
    void eight_concurrent_enqueues_of_one_key_leave_one_row_and_one_insert() {
        // given eight transactions on eight connections, each enqueueing the same job
        List<Uni<Boolean>> enqueues = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            enqueues.add(pool.withTransaction(transaction ->
                    repository.enqueue(transaction, JobType.PROBE, SUBJECT, new JsonObject().put("workMillis", 0), 0)));
        }

        // when they run at once
        List<Boolean> inserted = Uni.join().all(enqueues).andFailFast().await().atMost(Duration.ofSeconds(30));

        // then exactly one inserted, one row exists, and the job ran once
        assertThat(inserted)
                .containsOnly(true, false)
                .filteredOn(Boolean::booleanValue)
                .hasSize(1);
        assertThat(Sql.scalarLong(
                        pool, "SELECT count(*) FROM job_outbox WHERE idempotency_key = $1", "probe:" + SUBJECT))
                .isEqualTo(1);
        Await.atMost(OutboxProbes.JOB_DEADLINE, "the job to complete")
                .until(() -> OutboxProbes.count(pool, "probe:" + SUBJECT, "completed") == 1);
        assertThat(OutboxProbes.effects(pool, "probe:" + SUBJECT)).isEqualTo(1);
    }
}
