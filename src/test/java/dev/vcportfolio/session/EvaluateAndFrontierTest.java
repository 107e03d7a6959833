package dev.vcportfolio.session;

import static dev.vcportfolio.session.SessionFixtures.upload;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evaluate an allocation the client brings; trace the efficient frontier on one matrix. */
@QuarkusTest
class EvaluateAndFrontierTest {

    // A: risky (mean 2.5, loses in 4 of 10), B: steady 1.2x, C: in between
    static final double[][] ROWS = {
        {0, 0, 0.5, 0.5, 4, 4, 4, 4, 4, 4},
        {1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2},
        {0.6, 1.5, 0.9, 2.0, 1.1, 0.4, 2.5, 1.3, 0.8, 1.9}
    };

    static String matrix() {
        return upload(
                List.of(new String[] {"A", "Seed"}, new String[] {"B", "SeriesA"}, new String[] {"C", "SeriesB"}),
                ROWS);
    }

    @Test
    void evaluate_measures_the_clients_weights_on_the_matrix() {
        // given half in A, half in B: scenario MOICs 0.6, 0.6, 0.85, 0.85, then six of 2.6
        String key = matrix();
        var body = Map.of(
                "matrixKey",
                key,
                "fundSize",
                100_000_000,
                "weights",
                Map.of("A|Seed", 0.5, "B|SeriesA", 0.5),
                "constraints",
                Map.of("maxLossProbability", 0.3, "cvarConfidence", 0.8));

        // when
        JsonObject reply = new JsonObject(given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/portfolio/evaluate")
                .then()
                .statusCode(200)
                .extract()
                .asString());

        // then
        assertThat(reply.getDouble("expectedMoic")).isCloseTo(1.85, within(1e-6));
        JsonObject risk = reply.getJsonObject("riskMetrics");
        assertThat(risk.getDouble("lossProbability")).isEqualTo(0.4);
        // worst 20 % are the two 0.6 scenarios: loss fraction 0.4 each
        assertThat(risk.getDouble("cvar")).isCloseTo(0.4, within(1e-6));
        assertThat(reply.getBoolean("feasible")).isFalse();
        JsonArray allocation = reply.getJsonArray("allocation");
        assertThat(allocation.getJsonObject(0).getDouble("dollars")).isCloseTo(50_000_000, within(1e-3));
        assertThat(allocation.getJsonObject(2).getDouble("weight")).isZero();
    }

    @Test
    void evaluate_rejects_weights_that_do_not_sum_to_one_or_name_unknown_buckets() {
        String key = matrix();
        evaluate(Map.of("matrixKey", key, "fundSize", 1e8, "weights", Map.of("A|Seed", 0.5, "B|SeriesA", 0.4)))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("weights"));
        evaluate(Map.of("matrixKey", key, "fundSize", 1e8, "weights", Map.of("A|Seed", 0.5, "Z|Seed", 0.5)))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("weights.Z|Seed"));
        evaluate(Map.of("matrixKey", key, "fundSize", 1e8, "weights", Map.of()))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("weights"));
        evaluate(Map.of("matrixKey", "a".repeat(64), "fundSize", 1e8, "weights", Map.of("A|Seed", 1)))
                .then()
                .statusCode(404);
    }

    @Test
    void the_frontier_is_monotone_in_both_axes() {
        // given
        String key = matrix();

        // when
        JsonObject frontier = new JsonObject(given().contentType(ContentType.JSON)
                .body(Map.of(
                        "matrixKey",
                        key,
                        "fundSize",
                        100_000_000,
                        "constraints",
                        Map.of("cvarConfidence", 0.8),
                        "points",
                        6))
                .post("/api/optimization/frontier")
                .then()
                .statusCode(200)
                .extract()
                .asString());

        // then: six points from the tightest to the loosest CVaR, E[M] and CVaR both non-decreasing
        JsonArray points = frontier.getJsonArray("points");
        assertThat(points).hasSize(6);
        double tightest = frontier.getDouble("tightestCvar");
        double loosest = frontier.getDouble("loosestCvar");
        assertThat(tightest).isLessThan(loosest);
        assertThat(points.getJsonObject(0).getDouble("cvarLimit")).isEqualTo(tightest);
        assertThat(points.getJsonObject(5).getDouble("cvarLimit")).isEqualTo(loosest);
        for (int i = 0; i < points.size(); i++) {
            JsonObject p = points.getJsonObject(i);
            assertThat(p.getDouble("cvar")).isLessThanOrEqualTo(p.getDouble("cvarLimit") + 1e-6);
            double sum = p.getJsonObject("weights").stream()
                    .mapToDouble(e -> ((Number) e.getValue()).doubleValue())
                    .sum();
            assertThat(sum).isCloseTo(1, within(1e-6));
            if (i > 0) {
                JsonObject prev = points.getJsonObject(i - 1);
                assertThat(p.getDouble("expectedMoic")).isGreaterThanOrEqualTo(prev.getDouble("expectedMoic"));
                assertThat(p.getDouble("cvar")).isGreaterThanOrEqualTo(prev.getDouble("cvar"));
            }
        }
        // the loosest point is the unconstrained optimum: all in A (mean 2.5)
        assertThat(points.getJsonObject(5).getDouble("expectedMoic")).isCloseTo(2.5, within(1e-6));
        assertThat(points.getJsonObject(0).getDouble("expectedMoic")).isLessThan(2.5);
    }

    @Test
    void the_frontier_rejects_bad_point_counts() {
        given().contentType(ContentType.JSON)
                .body(Map.of("matrixKey", matrix(), "fundSize", 1e8, "points", 1000))
                .post("/api/optimization/frontier")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("points"));
    }

    private static io.restassured.response.Response evaluate(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/portfolio/evaluate");
    }
}
