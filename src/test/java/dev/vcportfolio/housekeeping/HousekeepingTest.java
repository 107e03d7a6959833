package dev.vcportfolio.housekeeping;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import dev.vcportfolio.support.Sql;
import dev.vcportfolio.support.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The clean-up deletes old finished outbox jobs and old matrices nothing references, in batches, and keeps everything
 * else. Rows are made old by writing their timestamps (400 days back) and the pass runs with a cutoff a year back, so
 * nothing waits and nothing another test made recently is in reach.
 */
@QuarkusTest
class HousekeepingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String OLD = "now() - interval '400 days'";
    private static final UUID FUND = TestTokens.FUNDS.getFirst();

    @Inject
    Pool pool;

    @Inject
    HousekeepingService service;

    @Inject
    HousekeepingRepository repository;

    @Inject
    HousekeepingJob job;

    @Inject
    MeterRegistry registry;

    private final String prefix = "housekeeping:" + UUID.randomUUID() + ":";

    /** The generation jobs this test wrote, by idempotency key. */
    private final List<String> generationJobs = new ArrayList<>();

    /**
     * The pending and processing jobs written here never run (due in a day): left behind, they would keep the outbox
     * from ever being quiet for the tests that wait for that.
     */
    @AfterEach
    void removeOwnJobs() {
        Sql.run(pool, "DELETE FROM job_outbox WHERE starts_with(idempotency_key, $1)", prefix);
        Sql.run(pool, "DELETE FROM job_outbox WHERE idempotency_key = ANY($1)", (Object)
                generationJobs.toArray(String[]::new));
    }

    @Test
    void old_finished_jobs_go_and_pending_running_recent_and_recently_finished_ones_stay() {
        // given
        List<String> doomed = List.of(job("completed", OLD, OLD), job("failed", OLD, OLD), job("cancelled", OLD, OLD));
        List<String> kept = List.of(
                job("pending", OLD, null),
                job("processing", OLD, null),
                job("completed", "now()", "now()"),
                job("completed", OLD, "now()"));

        // when
        HousekeepingService.Swept swept = sweep(500);

        // then
        assertThat(swept.jobs()).isGreaterThanOrEqualTo(doomed.size());
        assertThat(existing(doomed)).isEmpty();
        assertThat(existing(kept)).containsExactlyInAnyOrderElementsOf(kept);
    }

    @Test
    void old_unreferenced_matrices_go_and_referenced_live_recent_and_recently_read_ones_stay() {
        // given
        String unreferencedComplete = aged(upload());
        String unreferencedFailed = failedMatrix(OLD);
        String generationJob = generationJob(unreferencedFailed, "failed");
        String byFinishedSession = aged(upload());
        session(byFinishedSession, "CANCELLED");
        String byLiveSession = aged(upload());
        session(byLiveSession, "OPTIMIZING");
        String recentlyRead = aged(upload());
        Sql.run(pool, "UPDATE scenario_matrices SET last_accessed_at = now() WHERE matrix_key = $1", recentlyRead);
        String recent = upload();
        String stillGenerating = generatingMatrix();
        String restartable = failedMatrix(OLD);
        String restartableJob = generationJob(restartable, "failed");
        session(restartable, "FAILED");
        String queued = failedMatrix(OLD);
        generationJob(queued, "pending");

        // when
        HousekeepingService.Swept swept = sweep(500);

        // then
        assertThat(swept.matrices()).isGreaterThanOrEqualTo(2);
        assertThat(matrices(List.of(unreferencedComplete, unreferencedFailed))).isEmpty();
        List<String> kept =
                List.of(byFinishedSession, byLiveSession, recentlyRead, recent, stillGenerating, restartable, queued);
        assertThat(matrices(kept)).containsExactlyInAnyOrderElementsOf(kept);
        assertThat(existing(List.of(generationJob)))
                .as("the generation job of a deleted matrix goes in the same pass")
                .isEmpty();
        assertThat(existing(List.of(restartableJob)))
                .as("a failed matrix that stays keeps its job, which a retry re-arms")
                .containsExactly(restartableJob);
    }

    @Test
    void more_rows_than_a_batch_are_deleted_batch_by_batch_and_counted() {
        // given seven old finished jobs and three old unreferenced matrices, in batches of two
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            jobs.add(job("completed", OLD, OLD));
        }
        List<String> matrices = List.of(failedMatrix(OLD), failedMatrix(OLD), failedMatrix(OLD));
        double jobsCounted = counted("outbox_job");
        double matricesCounted = counted("scenario_matrix");
        int firstBatch = repository.deleteFinishedJobs(cutoff(), 2).await().atMost(TIMEOUT);

        // when
        HousekeepingService.Swept swept = sweep(2);

        // then one statement deleted at most a batch, and the pass went on until nothing was left
        assertThat(firstBatch).isEqualTo(2);
        assertThat(existing(jobs)).isEmpty();
        assertThat(matrices(matrices)).isEmpty();
        assertThat(swept.jobs()).isGreaterThanOrEqualTo(5);
        assertThat(swept.matrices()).isGreaterThanOrEqualTo(3);
        assertThat(swept.batches()).isGreaterThanOrEqualTo(3 + 2);
        assertThat(counted("outbox_job") - jobsCounted).isEqualTo(swept.jobs());
        assertThat(counted("scenario_matrix") - matricesCounted).isEqualTo(swept.matrices());
    }

    @Test
    void the_scheduled_pass_reaches_back_the_configured_retention() {
        // given
        Instant now = Instant.parse("2030-06-01T00:00:00Z");

        // when
        Instant cutoff = job.cutoff(now);

        // then (app.housekeeping.retention defaults to 30 days)
        assertThat(cutoff).isEqualTo(Instant.parse("2030-05-02T00:00:00Z"));
    }

    private HousekeepingService.Swept sweep(int batchSize) {
        return service.sweep(cutoff().toInstant(), batchSize).await().atMost(TIMEOUT);
    }

    /** A year back: the rows made 400 days old are behind it, everything the tests make now is well ahead. */
    private static OffsetDateTime cutoff() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusDays(365);
    }

    private double counted(String kind) {
        return registry.counter(HousekeepingMetrics.DELETED, "kind", kind).count();
    }

    /** A probe job in {@code status}, created and finished at the given SQL times; its idempotency key. */
    private String job(String status, String createdAt, String completedAt) {
        String key = prefix + UUID.randomUUID();
        // the times are this class's own SQL constants, never input
        Sql.run(
                pool,
                "INSERT INTO job_outbox (idempotency_key, job_type, payload, status, attempts, next_run_at,"
                        + " processing_at, completed_at, error_reason, created_at)"
                        + " VALUES ($1, 'probe', '{}', $2, 1, now() + interval '1 day',"
                        + " CASE WHEN $2 = 'processing' THEN now() END, " + (completedAt == null ? "NULL" : completedAt)
                        + ", CASE WHEN $2 = 'failed' THEN 'gave up' END, " + createdAt + ")",
                key,
                status);
        return key;
    }

    private String generationJob(String matrixKey, String status) {
        String key = "matrix_generation:" + matrixKey;
        generationJobs.add(key);
        Sql.run(pool, """
                INSERT INTO job_outbox (idempotency_key, job_type, payload, status, attempts, next_run_at,
                                        completed_at, error_reason, created_at)
                VALUES ($1, 'matrix_generation', jsonb_build_object('matrixKey', $2::text), $3, 1,
                        now() + interval '1 day',
                        CASE WHEN $3 = 'pending' THEN NULL ELSE now() - interval '400 days' END,
                        CASE WHEN $3 = 'failed' THEN 'gave up' END, now() - interval '400 days')""", key, matrixKey, status);
        return key;
    }

    private List<String> existing(List<String> keys) {
        return Sql.column(pool, "SELECT idempotency_key FROM job_outbox WHERE idempotency_key = ANY($1)", (Object)
                keys.toArray(String[]::new));
    }

    private List<String> matrices(List<String> keys) {
        return Sql.column(pool, "SELECT matrix_key FROM scenario_matrices WHERE matrix_key = ANY($1)", (Object)
                keys.toArray(String[]::new));
    }

    /** A complete matrix of random content, through the API; its key. */
    private static String upload() {
        RandomGenerator random = RandomGenerator.getDefault();
        return given().contentType(ContentType.JSON)
                .body(Map.of(
                        "fundId",
                        FUND.toString(),
                        "buckets",
                        List.of(Map.of("sector", "H", "stage", "Seed", "initialCheck", 1_000_000, "reserveRatio", 1)),
                        "moic",
                        List.of(List.of(random.nextDouble(5), random.nextDouble(5), random.nextDouble(5)))))
                .post("/api/matrices")
                .then()
                .statusCode(anyOf(is(200), is(201)))
                .extract()
                .path("matrixKey");
    }

    /** Makes a matrix 400 days old, never read since. */
    private String aged(String matrixKey) {
        Sql.run(pool, """
                UPDATE scenario_matrices
                SET created_at = now() - interval '400 days', completed_at = now() - interval '400 days',
                    last_accessed_at = NULL
                WHERE matrix_key = $1""", matrixKey);
        return matrixKey;
    }

    private String failedMatrix(String createdAt) {
        String key = randomKey();
        Sql.run(
                pool,
                "INSERT INTO scenario_matrices (matrix_key, matrix_key_json, fund_id, key_schema_version,"
                        + " sim_model_version, status, error_reason, created_at, completed_at)"
                        + " VALUES ($1, '{}', $2, 'v1.2', 'three_component_v1', 'failed', 'test', " + createdAt + ", "
                        + createdAt + ")",
                key,
                FUND);
        return key;
    }

    private String generatingMatrix() {
        String key = randomKey();
        Sql.run(pool, """
                INSERT INTO scenario_matrices (matrix_key, matrix_key_json, fund_id, key_schema_version,
                                               sim_model_version, status, created_at)
                VALUES ($1, '{}', $2, 'v1.2', 'three_component_v1', 'generating', now() - interval '400 days')""", key, FUND);
        return key;
    }

    /** A session on the matrix in {@code status}; no job is queued for it, so nothing moves it. */
    private void session(String matrixKey, String status) {
        Sql.run(pool, """
                INSERT INTO optimization_sessions (fund_id, matrix_id, optimization_config, status, error_reason,
                                                   completed_at)
                SELECT $1, id, '{"fundSize": 1e8}', $3,
                       CASE WHEN $3 = 'FAILED' THEN 'test' END,
                       CASE WHEN $3 IN ('COMPLETED', 'FAILED', 'CANCELLED') THEN now() END
                FROM scenario_matrices WHERE matrix_key = $2""", FUND, matrixKey, status);
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        RandomGenerator.getDefault().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
