package dev.vcportfolio.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.support.Await;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests and polling for session tests, through the public API only. */
final class SessionFixtures {

    static final UUID FUND = UUID.fromString("00000000-0000-4000-8000-000000000001");
    /**
     * Generous: the sessions of these tests finish in seconds. The bound only turns a session that never ends into a
     * failure.
     */
    static final Duration FINISHED = Duration.ofSeconds(180);

    private SessionFixtures() {}

    /** Stores a client matrix (one row per bucket, given as sector, stage) and returns its key. */
    static String upload(List<String[]> buckets, double[][] rows) {
        List<Object> bucketJson = new ArrayList<>();
        for (String[] b : buckets) {
            bucketJson.add(Map.of("sector", b[0], "stage", b[1], "initialCheck", 1_000_000, "reserveRatio", 1.0));
        }
        List<Object> rowJson = new ArrayList<>();
        for (double[] row : rows) {
            List<Double> values = new ArrayList<>();
            for (double v : row) {
                values.add(v);
            }
            rowJson.add(values);
        }
        return given().contentType(ContentType.JSON)
                .body(Map.of("buckets", bucketJson, "moic", rowJson, "matrixType", "moic"))
                .post("/api/matrices")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(200)))
                .extract()
                .path("matrixKey");
    }

    /** A two-bucket, six-scenario matrix of the fund, small enough that its sessions finish in moments; its key. */
    static String smallMatrix(UUID fund) {
        return given().contentType(ContentType.JSON)
                .body(Map.of(
                        "fundId",
                        fund.toString(),
                        "buckets",
                        List.of(
                                Map.of("sector", "A", "stage", "Seed", "initialCheck", 1_000_000, "reserveRatio", 1),
                                Map.of(
                                        "sector",
                                        "B",
                                        "stage",
                                        "SeriesA",
                                        "initialCheck",
                                        1_000_000,
                                        "reserveRatio",
                                        1)),
                        "moic",
                        List.of(List.of(0.0, 0.5, 1.0, 3.0, 8.0, 0.2), List.of(1.0, 1.2, 0.8, 1.5, 2.0, 0.9))))
                .post("/api/matrices")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(200)))
                .extract()
                .path("matrixKey");
    }

    /** A named session of the fund on a stored matrix; its id. */
    static String startedNamed(UUID fund, String matrixKey, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fundId", fund.toString());
        body.put("name", name);
        body.put("fundSize", 10_000_000);
        body.put("matrixKey", matrixKey);
        body.put("validationScenarios", 100);
        return started(body);
    }

    static Map<String, Object> onMatrix(String matrixKey, Map<String, Object> constraints) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fundId", FUND.toString());
        body.put("fundSize", 100_000_000);
        body.put("matrixKey", matrixKey);
        body.put("constraints", constraints);
        body.put("validationScenarios", 500);
        return body;
    }

    static Response request(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/optimization/request");
    }

    static Response request(Object body, String idempotencyKey) {
        return given().contentType(ContentType.JSON)
                .header("Idempotency-Key", idempotencyKey)
                .body(body)
                .post("/api/optimization/request");
    }

    static String started(Object body) {
        return request(body).then().statusCode(202).extract().path("sessionId");
    }

    /** Waits until the session is terminal; returns its status reply. */
    static JsonPath awaitTerminal(String id) {
        return Await.atMost(FINISHED, "session " + id + " to finish")
                .until(
                        () -> given().get("/api/optimization/status/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        status -> List.of("COMPLETED", "FAILED", "CANCELLED").contains(status.getString("status")));
    }

    /** The result of a session that must complete, parsed with doubles kept exact. */
    static JsonObject completed(String id) {
        JsonPath status = awaitTerminal(id);
        assertThat(status.getString("status"))
                .as("session %s: %s", id, status.getString("errorReason"))
                .isEqualTo("COMPLETED");
        return new JsonObject(given().get("/api/optimization/result/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    /** Weights by bucket key from a result. */
    static Map<String, Double> weights(JsonObject result) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Object row : result.getJsonArray("allocation")) {
            JsonObject r = (JsonObject) row;
            weights.put(r.getString("bucketKey"), r.getDouble("weight"));
        }
        return weights;
    }

    /** The constraint report row of a fund-wide constraint. */
    static JsonObject constraint(JsonObject result, String name) {
        for (Object row : result.getJsonArray("constraintReport")) {
            JsonObject r = (JsonObject) row;
            if (r.getString("constraint").equals(name) && r.getString("subject").isEmpty()) {
                return r;
            }
        }
        throw new AssertionError("no " + name + " row in " + result.getJsonArray("constraintReport"));
    }

    /** How many of the session's optimization and validation jobs are completed (2 when both ran once). */
    static long completedStepJobs(io.vertx.mutiny.sqlclient.Pool pool, String sessionId) {
        return dev.vcportfolio.support.Sql.scalarLong(
                pool,
                "SELECT count(*) FROM job_outbox WHERE idempotency_key IN ($1, $2) AND status = 'completed'",
                "optimization:" + sessionId,
                "validation:" + sessionId);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
