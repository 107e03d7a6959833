package dev.vcportfolio.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.support.Await;
import dev.vcportfolio.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Three workers side by side drain 3,000 jobs, each executed (its effect committed) exactly once. */
@QuarkusTest
class OutboxDrainTest {

    private static final String PREFIX = "drain:";
    private static final int JOBS = 3_000;

    /** Generous: three workers drain 3,000 no-op jobs in seconds; the bound only turns a stalled drain into a failure. */
    private static final Duration DRAINED = Duration.ofMinutes(5);

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    OutboxWorker applicationWorker;

    @Inject
    OutboxRepository repository;

    @Inject
    OutboxMetrics metrics;

    @Inject
    OutboxConfig config;

    @Inject
    JobHandlers handlers;

    @Inject
    JobGiveUp giveUp;

    @AfterEach
    void cleanUp() {
        OutboxProbes.cleanUp(pool, PREFIX);
    }

    @Test
    void three_workers_execute_each_of_3000_jobs_exactly_once() throws InterruptedException {
        // given the application's worker and two more, as on three replicas
        List<OutboxWorker> others = List.of(worker(), worker());
        others.forEach(worker -> worker.start(null));
        long before = applicationWorker.completed();
        try {
            // when
            OutboxProbes.insert(pool, PREFIX, JOBS, "{}", 3);
            others.forEach(OutboxWorker::wake); // the NOTIFY reaches only the application's listener
            Await.atMost(DRAINED, "all jobs to complete")
                    .until(() -> OutboxProbes.count(pool, PREFIX, "completed") == JOBS);

            // then every job ran once, at its first attempt, and the three workers shared the work
            assertThat(OutboxProbes.effects(pool, PREFIX)).isEqualTo(JOBS);
            assertThat(Sql.scalarLong(
                            pool,
                            "SELECT count(*) FROM job_outbox WHERE idempotency_key LIKE $1 || '%' AND attempts <> 1",
                            PREFIX))
                    .isZero();
            long byApplication = applicationWorker.completed() - before;
            long byOthers = others.stream().mapToLong(OutboxWorker::completed).sum();
            assertThat(byApplication + byOthers).isEqualTo(JOBS);
            assertThat(others)
                    .allSatisfy(worker -> assertThat(worker.completed()).isPositive());
            assertThat(byApplication).isPositive();
        } finally {
            for (OutboxWorker worker : others) {
                worker.stop(null);
            }
        }
    }

    private OutboxWorker worker() {
        return new OutboxWorker(repository, metrics, config, pool, vertx, handlers, giveUp);
    }
}
