package dev.vcportfolio.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.support.Await;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named plans made through the API for the plans and comparison browser test, and the API's side of its checks. */
final class PlanFixtures {

    /** Generous: these sessions finish in seconds; the bound only turns one that never ends into a failure. */
    static final Duration FINISHED = Duration.ofMinutes(4);

    private static final int BINS = 40;

    private PlanFixtures() {}

    /**
     * A small round-by-round fund of the token's first fund with the given loss limit: two of them with the same
     * buckets share one generated matrix, so only the limit differs between them.
     */
    static String roundByRound(String name, double maxLossProbability) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("fundSize", 50_000_000);
        body.put("simModel", "round_by_round_v1");
        body.put(
                "buckets",
                List.of(
                        Map.of("sector", "SaaS", "stage", "Seed", "initialCheck", 1_500_000, "reserveRatio", 1),
                        Map.of("sector", "SaaS", "stage", "SeriesA", "initialCheck", 4_000_000, "reserveRatio", 0.8),
                        Map.of("sector", "Fintech", "stage", "Seed", "initialCheck", 2_000_000, "reserveRatio", 1)));
        body.put("scenarioCount", 500);
        body.put("validationScenarios", 200);
        body.put("constraints", Map.of("maxLossProbability", maxLossProbability, "bucketMaxWeight", 0.6));
        return started(body);
    }

    /** A plan on a small stored matrix (WebPageFixtures.storedMatrix), which settles in moments. */
    static String onStoredMatrix(String name, String matrixKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("fundSize", 20_000_000);
        body.put("matrixKey", matrixKey);
        body.put("validationScenarios", 200);
        return started(body);
    }

    private static String started(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/optimization/request")
                .then()
                .statusCode(202)
                .extract()
                .path("sessionId");
    }

    /** Waits until the session is COMPLETED (failing at once when it fails or is cancelled); its result. */
    static JsonObject completed(String id) {
        String status = Await.atMost(FINISHED, "session " + id + " to finish")
                .until(
                        () -> given().get("/api/optimization/status/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("status"),
                        s -> List.of("COMPLETED", "FAILED", "CANCELLED").contains(s));
        assertThat(status).as("session %s", id).isEqualTo("COMPLETED");
        return PageDriver.apiResult(id);
    }

    /** The first {@code count} plans of the token's first fund, newest first, as the API lists them. */
    static List<JsonObject> newest(int count) {
        JsonArray items = new JsonObject(given().queryParam("limit", count)
                        .get("/api/optimization/sessions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .getJsonArray("items");
        List<JsonObject> out = new ArrayList<>();
        items.forEach(item -> out.add((JsonObject) item));
        return out;
    }

    /**
     * Each plan's share of scenarios per MOIC range, as the comparison bins them: the portfolio MOIC of every scenario
     * from the API's matrix values (float32) and the result's weights, buckets in the matrix's order; 40 equal ranges
     * from 0 to the largest of the plans' P99 rounded up to a half (at least 2), the last also holding what lies above.
     */
    static List<double[]> distributionShares(List<JsonObject> results) {
        List<double[]> moic = new ArrayList<>();
        for (JsonObject result : results) {
            moic.add(portfolioMoic(result));
        }
        double end = 2;
        for (double[] m : moic) {
            double[] sorted = m.clone();
            java.util.Arrays.sort(sorted);
            double p99 = sorted[Math.min(sorted.length - 1, (int) Math.floor(0.99 * sorted.length))];
            end = Math.max(end, Math.ceil(p99 * 2) / 2);
        }
        double width = end / BINS;
        List<double[]> shares = new ArrayList<>();
        for (double[] m : moic) {
            int[] counts = new int[BINS];
            for (double v : m) {
                counts[(int) Math.min(BINS - 1, Math.max(0, Math.floor(v / width)))]++;
            }
            double[] s = new double[BINS];
            for (int b = 0; b < BINS; b++) {
                s[b] = (double) counts[b] / m.length;
            }
            shares.add(s);
        }
        return shares;
    }

    private static double[] portfolioMoic(JsonObject result) {
        JsonObject matrix = new JsonObject(given().accept(ContentType.JSON)
                .get("/api/matrices/" + result.getString("matrixKey") + "/moic")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Map<String, Double> weights = new LinkedHashMap<>();
        result.getJsonArray("allocation")
                .forEach(a ->
                        weights.put(((JsonObject) a).getString("bucketKey"), ((JsonObject) a).getDouble("weight")));
        JsonArray keys = matrix.getJsonArray("bucketKeys");
        JsonArray rows = matrix.getJsonArray("moic");
        double[] out = new double[rows.getJsonArray(0).size()];
        for (int b = 0; b < keys.size(); b++) {
            double w = weights.getOrDefault(keys.getString(b), 0.0);
            if (w == 0) {
                continue;
            }
            JsonArray row = rows.getJsonArray(b);
            for (int s = 0; s < out.length; s++) {
                out[s] += w * (double) (float) ((Number) row.getValue(s)).doubleValue();
            }
        }
        return out;
    }
}
