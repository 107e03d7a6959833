package dev.vcportfolio.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vcportfolio.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several finished jobs complete in one transaction, and exactly-once still holds per job: a job whose lease was lost
 * commits nothing while the others commit, and a failing effect fails only its own job.
 */
@QuarkusTest
class JobCompleterTest {

    private static final String PREFIX = "completer:";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Inject
    OutboxRepository repository;

    @Inject
    ProbeRepository probes;

    @AfterEach
    void cleanUp() {
        OutboxProbes.cleanUp(pool, PREFIX);
    }

    @Test
    void a_batch_commits_the_effects_of_the_jobs_it_still_holds_and_nothing_of_a_job_whose_lease_was_lost() {
        // given four jobs this worker claimed at attempt 1; the second was since reclaimed by another worker
        ClaimedJob first = processing("first", 1, 1);
        ClaimedJob lost = processing("lost", 2, 1);
        ClaimedJob third = processing("third", 1, 1);
        ClaimedJob fourth = processing("fourth", 1, 1);
        JobEffect asLambda = transaction -> probes.recordEffect(fourth).apply(transaction);

        // when they finish together, in one batch
        List<JobOutcome> outcomes = awaitAll(new JobCompleter(pool, repository)
                .completeAll(List.of(
                        new JobCompleter.Finished(first, probes.recordEffect(first)),
                        new JobCompleter.Finished(lost, probes.recordEffect(lost)),
                        new JobCompleter.Finished(third, probes.recordEffect(third)),
                        new JobCompleter.Finished(fourth, asLambda))));

        // then
        assertThat(outcomes)
                .containsExactly(
                        JobOutcome.COMPLETED, JobOutcome.LEASE_LOST, JobOutcome.COMPLETED, JobOutcome.COMPLETED);
        assertThat(OutboxProbes.effects(pool, PREFIX)).isEqualTo(3);
        assertThat(OutboxProbes.effects(pool, PREFIX + "lost")).isZero();
        assertThat(OutboxProbes.count(pool, PREFIX, "completed")).isEqualTo(3);
        assertThat(Sql.scalarLong(
                        pool,
                        "SELECT attempts FROM job_outbox WHERE idempotency_key = $1 AND status = 'processing'",
                        PREFIX + "lost"))
                .isEqualTo(2);
    }

    @Test
    void a_failing_effect_fails_only_its_own_job_and_the_others_of_its_batch_commit() {
        // given three held jobs; the middle one's effect fails
        ClaimedJob first = processing("first", 1, 1);
        ClaimedJob failing = processing("failing", 1, 1);
        ClaimedJob third = processing("third", 1, 1);
        JobEffect broken = transaction -> Uni.createFrom().failure(new IllegalStateException("effect broke"));

        // when
        List<Uni<JobOutcome>> outcomes = new JobCompleter(pool, repository)
                .completeAll(List.of(
                        new JobCompleter.Finished(first, probes.recordEffect(first)),
                        new JobCompleter.Finished(failing, broken),
                        new JobCompleter.Finished(third, probes.recordEffect(third))));

        // then
        assertThat(outcomes.get(0).await().atMost(WAIT)).isEqualTo(JobOutcome.COMPLETED);
        assertThatThrownBy(() -> outcomes.get(1).await().atMost(WAIT)).hasMessage("effect broke");
        assertThat(outcomes.get(2).await().atMost(WAIT)).isEqualTo(JobOutcome.COMPLETED);
        assertThat(OutboxProbes.effects(pool, PREFIX)).isEqualTo(2);
        assertThat(OutboxProbes.count(pool, PREFIX + "failing", "processing")).isEqualTo(1);
    }

    /**
     * A row in {@code processing} at {@code rowAttempts}, renewed just now (so neither worker nor reaper touches it),
     * as this worker holds it: at {@code heldAttempt}.
     */
    private ClaimedJob processing(String name, int rowAttempts, int heldAttempt) {
        String key = PREFIX + name;
        UUID id = Sql.run(pool, """
                        INSERT INTO job_outbox (idempotency_key, job_type, payload, status, attempts, max_attempts,
                                                processing_at)
                        VALUES ($1, 'probe', '{}', 'processing', $2, 3, now())
                        RETURNING id""", key, rowAttempts).iterator().next().getUUID("id");
        OffsetDateTime now = OffsetDateTime.now();
        return new ClaimedJob(id, key, "probe", new JsonObject(), heldAttempt, 3, now, now, now);
    }

    private static List<JobOutcome> awaitAll(List<Uni<JobOutcome>> outcomes) {
        return outcomes.stream().map(outcome -> outcome.await().atMost(WAIT)).toList();
    }
}
