package dev.vcportfolio.session;

import static dev.vcportfolio.session.SessionFixtures.FUND;
import static dev.vcportfolio.session.SessionFixtures.awaitTerminal;
import static dev.vcportfolio.session.SessionFixtures.completed;
import static dev.vcportfolio.session.SessionFixtures.request;
import static dev.vcportfolio.session.SessionFixtures.weights;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.vcportfolio.support.Await;
import dev.vcportfolio.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A session's life through the real worker and database: generation, cache hits, idempotency, cancel, failure. */
@QuarkusTest
class SessionLifecycleTest {

    @Inject
    Pool pool;

    static Map<String, Object> generated(int scenarios, Map<String, Object> constraints) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fundId", FUND.toString());
        body.put("fundSize", 100_000_000);
        body.put(
                "buckets",
                List.of(
                        Map.of("sector", "SaaS", "stage", "Seed", "initialCheck", 1_500_000, "reserveRatio", 1),
                        Map.of("sector", "Bio", "stage", "SeriesA", "initialCheck", 4_000_000, "reserveRatio", 0.5),
                        Map.of("sector", "Fintech", "stage", "SeriesB", "initialCheck", 8_000_000, "reserveRatio", 0)));
        body.put("scenarioCount", scenarios);
        body.put("constraints", constraints);
        body.put("validationScenarios", 1_000);
        return body;
    }

    @Test
    void a_request_with_the_shipped_calibration_runs_to_completed_then_hits_the_cache() {
        // given
        var body = generated(1_500, Map.of("bucketMaxWeight", 0.6, "cvarLimit", 0.9));

        // when
        Response accepted = request(body);

        // then it generates first, through every step, in order
        accepted.then()
                .statusCode(202)
                .header("Location", containsString("/api/optimization/status/"))
                .body("status", equalTo("MATRIX_GENERATING"));
        String id = accepted.path("sessionId");
        JsonObject result = completed(id);
        JsonPath status = given().get("/api/optimization/status/" + id).jsonPath();
        assertThat(status.getString("progress.step")).isEqualTo("completed");
        assertThat(status.getDouble("progress.percent")).isEqualTo(100.0);
        List<OffsetDateTime> steps = List.of(
                        "createdAt", "matrixStartedAt", "optimizationStartedAt", "validationStartedAt", "completedAt")
                .stream()
                .map(field -> OffsetDateTime.parse(status.getString(field)))
                .toList();
        assertThat(steps).isSorted();
        assertThat(weights(result).values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        JsonObject validation = result.getJsonObject("validationMetrics");
        assertThat(validation.getString("method")).isEqualTo("fresh-simulation");
        assertThat(validation.getInteger("scenarios")).isEqualTo(1_000);
        assertThat(validation.getDouble("expectedMoic")).isPositive();
        assertThat(result.getJsonObject("riskMetrics").getDouble("cvar")).isLessThanOrEqualTo(0.9 + 1e-6);

        // and the same request again skips generation (cache hit) and gives the same allocation bit for bit
        Response again = request(body);
        again.then().statusCode(202).body("status", equalTo("OPTIMIZING"));
        JsonObject second = completed(again.path("sessionId"));
        assertThat(second.getJsonArray("allocation")).isEqualTo(result.getJsonArray("allocation"));
        assertThat(second.getJsonObject("validationMetrics")).isEqualTo(validation);
        String matrixKey = result.getString("matrixKey");
        assertThat(Sql.scalarLong(
                        pool,
                        "SELECT count(*) FROM job_outbox WHERE idempotency_key = $1",
                        "matrix_generation:" + matrixKey))
                .isEqualTo(1);
        assertThat(SessionFixtures.completedStepJobs(pool, id)).isEqualTo(2);
    }

    @Test
    void eight_concurrent_requests_with_one_idempotency_key_make_one_session() throws Exception {
        // given
        var body = generated(600, Map.of("bucketMaxWeight", 0.5));
        String key = "idem-" + UUID.randomUUID();
        long sessions = Sql.count(pool, "optimization_sessions");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);

        // when
        List<Future<Response>> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            replies.add(clients.submit(() -> {
                start.await();
                return request(body, key);
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (var reply : replies) {
            codes.add(reply.get().statusCode());
            ids.add(reply.get().path("sessionId"));
        }
        clients.shutdown();

        // then
        assertThat(ids).as("codes %s", codes).containsOnly(ids.getFirst());
        assertThat(codes.stream().filter(c -> c == 202)).hasSize(1);
        assertThat(codes.stream().filter(c -> c == 200)).hasSize(7);
        assertThat(Sql.count(pool, "optimization_sessions")).isEqualTo(sessions + 1);

        // and, once that session's own jobs are done (they add rows of their own), the same key with another body is
        // a conflict that writes nothing
        awaitTerminal(ids.getFirst());
        long matrices = Sql.count(pool, "scenario_matrices");
        long jobs = Sql.count(pool, "job_outbox");
        request(generated(601, Map.of("bucketMaxWeight", 0.5)), key)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("Idempotency-Key"));
        assertThat(Sql.count(pool, "optimization_sessions")).isEqualTo(sessions + 1);
        assertThat(Sql.count(pool, "scenario_matrices")).isEqualTo(matrices);
        assertThat(Sql.count(pool, "job_outbox")).isEqualTo(jobs);
    }

    @Test
    void cancel_stops_a_session_and_its_later_jobs() {
        // given a session whose (large, so one-period) matrix is still being generated
        var body = generated(300_000, Map.of());
        body.put("simModel", "three_component_v1");
        String id = SessionFixtures.started(body);

        // when
        given().post("/api/optimization/" + id + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("progress.step", equalTo("cancelled"));

        // then it stays cancelled after its matrix completes, and no optimization job was ever made for it
        String matrixKey = given().get("/api/optimization/status/" + id).path("matrixKey");
        String generated = Await.atMost(SessionFixtures.FINISHED, "matrix " + matrixKey + " to finish generating")
                .until(
                        () -> given().get("/api/matrices/" + matrixKey).<String>path("status"),
                        status -> !"generating".equals(status));
        assertThat(generated).isEqualTo("complete");
        given().get("/api/optimization/status/" + id).then().body("status", equalTo("CANCELLED"));
        assertThat(Sql.scalarLong(
                        pool, "SELECT count(*) FROM job_outbox WHERE idempotency_key = $1", "optimization:" + id))
                .isZero();
        given().get("/api/optimization/result/" + id).then().statusCode(409);
        given().post("/api/optimization/" + id + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void a_completed_session_cannot_be_cancelled() {
        // given
        String id = SessionFixtures.started(generated(500, Map.of()));
        completed(id);

        // then
        given().post("/api/optimization/" + id + "/cancel")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("COMPLETED"));
    }

    @Test
    void a_job_given_up_fails_its_session_with_the_reason() {
        // given a session whose frozen config names a matrix that does not exist, and a job allowed one attempt
        String matrixId =
                Sql.column(pool, "SELECT id::text FROM scenario_matrices WHERE status = 'complete' LIMIT 1").stream()
                        .findFirst()
                        .orElseGet(() -> {
                            SessionFixtures.upload(
                                    List.<String[]>of(new String[] {"X", "Seed"}), new double[][] {{1, 2, 3}});
                            return Sql.column(
                                            pool,
                                            "SELECT id::text FROM scenario_matrices WHERE status = 'complete' LIMIT 1")
                                    .getFirst();
                        });
        JsonObject config = new JsonObject()
                .put("fundId", FUND.toString())
                .put("fundSize", 1e8)
                .put("matrixKey", "f".repeat(64))
                .put("constraints", new JsonObject())
                .put("validationScenarios", 500)
                .put("epsilon", 0.001);
        String id = Sql.column(
                        pool,
                        "INSERT INTO optimization_sessions (fund_id, matrix_id, optimization_config, status,"
                                + " optimization_started_at) VALUES ($1::uuid, $2::uuid, $3, 'OPTIMIZING', now())"
                                + " RETURNING id::text",
                        FUND.toString(),
                        matrixId,
                        config)
                .getFirst();
        Sql.run(
                pool,
                "INSERT INTO job_outbox (idempotency_key, job_type, payload, max_attempts)"
                        + " VALUES ($1, 'optimization', jsonb_build_object('sessionId', $2::text), 1)",
                "optimization:" + id,
                id);

        // when
        JsonPath status = awaitTerminal(id);

        // then
        assertThat(status.getString("status")).isEqualTo("FAILED");
        assertThat(status.getString("errorReason"))
                .startsWith("optimization failed: ")
                .contains("no matrix");
        given().get("/api/optimization/result/" + id)
                .then()
                .statusCode(409)
                .body("detail", containsString("FAILED"))
                .body("detail", containsString("no matrix"));
    }

    @Test
    void unknown_and_malformed_session_ids_are_404() {
        given().get("/api/optimization/status/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/optimization/status/not-a-uuid").then().statusCode(404);
        given().get("/api/optimization/result/1' OR '1'='1").then().statusCode(404);
        given().post("/api/optimization/" + UUID.randomUUID() + "/cancel")
                .then()
                .statusCode(404);
    }
}
