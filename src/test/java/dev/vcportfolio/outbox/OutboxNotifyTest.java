package dev.vcportfolio.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.support.Await;
import dev.vcportfolio.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An enqueued job is started by its NOTIFY, not by the poll: in this profile the fallback poll comes once an hour, so
 * nothing but a NOTIFY (through {@link OutboxListener}) can wake the idle worker while the test waits. How fast it
 * wakes is not the point, and not asserted: that it wakes at all proves the mechanism, on any machine.
 */
@QuarkusTest
@TestProfile(OutboxNotifyTest.NoPoll.class)
class OutboxNotifyTest {

    public static class NoPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("app.outbox.poll-interval", "1h");
        }
    }

    private static final String PREFIX = "probe:notify-";

    /**
     * Generous: a probe job runs in milliseconds once woken. A worker that only the poll could wake would sit idle for
     * the hour, so this bound only turns that into a failure.
     */
    private static final Duration WOKEN = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    OutboxRepository repository;

    /**
     * The listener connects on its own after start-up; a NOTIFY sent before its LISTEN would reach no one, so wait for
     * its connection to show in pg_stat_activity (its last statement is the LISTEN).
     */
    @BeforeEach
    void listening() {
        Await.atMost(WOKEN, "the outbox listener's LISTEN").until(() -> Sql.scalarLong(pool, """
                                SELECT count(*) FROM pg_stat_activity
                                WHERE datname = current_database() AND query = 'LISTEN "job_outbox"'""") > 0);
    }

    @AfterEach
    void cleanUp() {
        OutboxProbes.cleanUp(pool, PREFIX);
    }

    @Test
    void an_enqueued_job_wakes_an_idle_worker_without_the_poll() {
        // when a job is enqueued and committed (ENQUEUE sends the NOTIFY in the same statement)
        String subject = "notify-1";
        pool.withTransaction(
                        transaction -> repository.enqueue(transaction, JobType.PROBE, subject, new JsonObject(), 0))
                .await()
                .atMost(Duration.ofSeconds(30));

        // then the idle worker runs it, once, though no poll comes within the hour
        Await.atMost(WOKEN, "the job to complete")
                .until(() -> OutboxProbes.count(pool, "probe:" + subject, "completed") == 1);
        assertThat(OutboxProbes.effects(pool, "probe:" + subject)).isEqualTo(1);
    }
}
