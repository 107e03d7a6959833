package dev.vcportfolio.matrix;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.vcportfolio.support.Await;
import dev.vcportfolio.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Generation through the API: 202 then complete, cached on the key, idempotent under races, retried after failure. */
@QuarkusTest
class GenerationTest {

    @Inject
    Pool pool;

    static String request(int scenarios, String buckets, String extra) {
        return "{\"buckets\": [" + buckets + "], \"scenarioCount\": " + scenarios + extra + "}";
    }

    static final String SAAS =
            "{\"sector\": \"SaaS\", \"stage\": \"Seed\", \"initialCheck\": 1500000, \"reserveRatio\": 1}";
    static final String BIO =
            "{\"sector\": \"Bio\", \"stage\": \"SeriesA\", \"initialCheck\": 4000000, \"reserveRatio\": 0.5}";

    @Test
    void a_generation_is_accepted_then_completes_and_is_a_cache_hit_after() {
        // given
        String body = request(3_000, SAAS + ", " + BIO, ", \"fundSize\": 100000000, \"bucketMaxWeight\": 0.2");

        // when
        Response accepted = post(body);

        // then
        accepted.then().statusCode(202).body("status", equalTo("generating"));
        String key = accepted.jsonPath().getString("matrixKey");
        awaitComplete(key);
        given().get("/api/matrices/" + key)
                .then()
                .statusCode(200)
                .body("status", equalTo("complete"))
                // a request that names no model runs the default, round by round
                .body("source", equalTo("round_by_round_v1"))
                .body("bucketKeys", equalTo(List.of("Bio|SeriesA", "SaaS|Seed")))
                .body("scenarioCount", equalTo(3_000))
                .body("progress", equalTo(1.0f));
        byte[] values = given().accept(ContentType.BINARY)
                .get("/api/matrices/" + key + "/moic")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(values).hasSize(2 * 3_000 * Float.BYTES);
        // deals per bucket default to round(fundSize x bucketMaxWeight / allInCost): 20M / 3M = 7, 20M / 6M = 3
        assertThat(Sql.column(
                        pool,
                        "SELECT p->>'dealsPerBucket' FROM scenario_matrices, jsonb_array_elements(bucket_params) p"
                                + " WHERE matrix_key = $1 ORDER BY p->>'key'",
                        key))
                .containsExactly("3", "7");
        post(body).then().statusCode(200).body("matrixKey", equalTo(key));
        // naming the default model is the same request
        post(request(
                        3_000,
                        SAAS + ", " + BIO,
                        ", \"fundSize\": 100000000, \"bucketMaxWeight\": 0.2, \"simModel\": \"round_by_round_v1\""))
                .then()
                .statusCode(200)
                .body("matrixKey", equalTo(key));
        assertThat(Sql.scalarLong(
                        pool, "SELECT count(*) FROM job_outbox WHERE idempotency_key = $1", "matrix_generation:" + key))
                .isEqualTo(1);
    }

    @Test
    void an_equivalent_request_has_the_same_key() {
        // given buckets reordered, floats past the 6th decimal, a regime's min and max swapped
        String regimes =
                ", \"regimes\": [{\"name\": \"up\", \"probability\": 0.5, \"shockMin\": 0.1, \"shockMax\": 0.3},"
                        + " {\"name\": \"down\", \"probability\": 0.5, \"shockMin\": -0.3, \"shockMax\": -0.1}]";
        String swapped =
                ", \"regimes\": [{\"name\": \"down\", \"probability\": 0.5, \"shockMin\": -0.1, \"shockMax\": -0.3},"
                        + " {\"name\": \"up\", \"probability\": 0.5000000001, \"shockMin\": 0.1, \"shockMax\": 0.3}]";
        String bioNudged = BIO.replace("4000000", "4000000.0000001");

        // when
        String first =
                post(request(1_000, SAAS + ", " + BIO, regimes)).jsonPath().getString("matrixKey");
        String second = post(request(1_000, bioNudged + ", " + SAAS, swapped))
                .jsonPath()
                .getString("matrixKey");
        String different =
                post(request(1_001, SAAS + ", " + BIO, regimes)).jsonPath().getString("matrixKey");

        // then
        assertThat(second).isEqualTo(first);
        assertThat(different).isNotEqualTo(first);
        awaitComplete(first);
        awaitComplete(different);
    }

    @Test
    void eight_simultaneous_identical_requests_make_one_matrix_and_one_job() throws Exception {
        // given
        String body = request(2_000, SAAS, ", \"fundId\": \"00000000-0000-0000-0000-00000000e181\"");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> responses = new ArrayList<>();

        // when
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                responses.add(clients.submit(() -> {
                    start.await();
                    return post(body);
                }));
            }
            start.countDown();
        }

        // then
        List<String> keys = new ArrayList<>();
        for (Future<Response> response : responses) {
            assertThat(response.get().statusCode()).isIn(200, 202);
            keys.add(response.get().jsonPath().getString("matrixKey"));
        }
        assertThat(keys).containsOnly(keys.getFirst());
        assertThat(Sql.scalarLong(
                        pool, "SELECT count(*) FROM scenario_matrices WHERE matrix_key = $1", keys.getFirst()))
                .isEqualTo(1);
        assertThat(Sql.scalarLong(
                        pool,
                        "SELECT count(*) FROM job_outbox WHERE idempotency_key = $1",
                        "matrix_generation:" + keys.getFirst()))
                .isEqualTo(1);
        awaitComplete(keys.getFirst());
    }

    @Test
    void a_failed_generation_records_its_reason_and_a_new_request_retries_it() {
        // given a matrix whose generation failed at its last attempt
        String body = request(1_500, BIO, "");
        String key = post(body).jsonPath().getString("matrixKey");
        awaitComplete(key);
        Sql.run(pool, """
                UPDATE scenario_matrices
                SET status = 'failed', error_reason = 'generation failed: disk full', moic_matrix = NULL,
                    generation_progress = 0.4
                WHERE matrix_key = $1""", key);
        Sql.run(pool, """
                UPDATE job_outbox SET status = 'failed', error_reason = 'disk full', attempts = max_attempts
                WHERE idempotency_key = $1""", "matrix_generation:" + key);
        given().get("/api/matrices/" + key)
                .then()
                .body("status", equalTo("failed"))
                .body("errorReason", equalTo("generation failed: disk full"));

        // when
        Response retried = post(body);

        // then it starts again with its payload cleared, and completes
        retried.then().statusCode(202).body("status", equalTo("generating")).body("errorReason", equalTo(null));
        awaitComplete(key);
        assertThat(Sql.scalarLong(
                        pool, "SELECT attempts FROM job_outbox WHERE idempotency_key = $1", "matrix_generation:" + key))
                .isEqualTo(1);
    }

    @Test
    void a_generation_that_fails_at_its_last_attempt_marks_the_matrix_failed_with_the_reason() {
        // given a generating matrix whose stored plan cannot be simulated, and its job with one attempt
        String key = "f".repeat(63) + "1";
        Sql.run(pool, """
                INSERT INTO scenario_matrices (matrix_key, matrix_key_json, key_schema_version, sim_model_version)
                VALUES ($1, '{"buckets": []}', 'v1.2', 'three_component_v1')""", key);
        Sql.run(pool, """
                INSERT INTO job_outbox (idempotency_key, job_type, payload, max_attempts)
                VALUES ($1, 'matrix_generation', jsonb_build_object('matrixKey', $2::text), 1)""", "matrix_generation:" + key, key);
        Sql.run(pool, "SELECT pg_notify('job_outbox', 'matrix_generation')");

        // then
        awaitStatus(key, "failed");
        assertThat(Sql.column(pool, "SELECT error_reason FROM scenario_matrices WHERE matrix_key = $1", key))
                .singleElement()
                .asString()
                .startsWith("generation failed: ");
    }

    @Test
    void a_custom_calibration_gives_its_own_key_and_generates() {
        // given a fund's calibration where seed companies exit far more often than in the benchmark
        String stats = "{\"exitRate\": 0.3, \"graduateRate\": 0.3, \"failureRate\": 0.1}";
        String exit = "{\"medianMOIC\": 2.0, \"p90MOIC\": 9.0}";
        String calibration =
                "{\"version\": \"gen-test-fast-exits\", \"transitionStats\": {\"Seed\": %s, \"SeriesA\": %s,"
                                .formatted(stats, stats)
                        + " \"SeriesB\": %s, \"SeriesC\": %s}, \"exitOutcomes\": {\"Seed\": %s, \"SeriesA\": %s,"
                                .formatted(stats, stats, exit, exit)
                        + " \"SeriesB\": %s, \"SeriesC\": %s}}".formatted(exit, exit);
        given().contentType(ContentType.JSON)
                .body(calibration)
                .post("/api/calibrations")
                .then()
                .statusCode(201);

        // when the same fund is generated with the benchmark and with the custom calibration
        String benchmark = post(request(2_500, SAAS, "")).jsonPath().getString("matrixKey");
        String custom = post(request(2_500, SAAS, ", \"calibrationVersion\": \"gen-test-fast-exits\""))
                .jsonPath()
                .getString("matrixKey");

        // then they are different matrices, and fewer seed deals end at zero with the faster exits
        assertThat(custom).isNotEqualTo(benchmark);
        awaitComplete(benchmark);
        awaitComplete(custom);
        double benchmarkZeros = zeroShare(benchmark);
        double customZeros = zeroShare(custom);
        assertThat(customZeros).isLessThan(benchmarkZeros);
    }

    private double zeroShare(String key) {
        return Double.parseDouble(Sql.column(
                        pool, "SELECT bucket_params->0->>'zeroShare' FROM scenario_matrices WHERE matrix_key = $1", key)
                .getFirst());
    }

    private static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/matrices/generate");
    }

    private void awaitComplete(String key) {
        awaitStatus(key, "complete");
    }

    /**
     * Waits for the matrix's generation to end, and checks it ended in {@code status}. Generous: these generations
     * finish in seconds; the bound only turns one that never ends into a failure.
     */
    private void awaitStatus(String key, String status) {
        String ended = Await.atMost(Duration.ofSeconds(180), "matrix " + key + " to finish generating")
                .until(
                        () -> Sql.column(pool, "SELECT status FROM scenario_matrices WHERE matrix_key = $1", key)
                                .getFirst(),
                        seen -> !seen.equals("generating"));
        assertThat(ended).as("matrix " + key).isEqualTo(status);
    }
}
