package dev.vcportfolio.session;

import static io.restassured.RestAssured.given;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A completed round-by-round session with fund terms (so it has fundMetrics) for the report tests. */
final class ReportFixtures {

    /** A sector name that is markup: the report must show it as text. */
    static final String HOSTILE_SECTOR = "<script>alert(\"x\")</script>&'";

    private ReportFixtures() {}

    /**
     * Three buckets, two of them {@code SaaS|Seed} reserve options, 500 scenarios, a loss limit of 0.6, a 0.7 cap and
     * a winners floor that must be relaxed.
     *
     * @param secondSector the sector of the third bucket
     */
    static Map<String, Object> request(String secondSector) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fundId", SessionFixtures.FUND.toString());
        body.put("fundSize", 100_000_000);
        body.put("simModel", "round_by_round_v1");
        body.put("fund", Map.of("investmentPeriodYears", 4, "termYears", 10, "extensionYears", 2));
        body.put("scenarioCount", 500);
        body.put("validationScenarios", 500);
        body.put(
                "buckets",
                List.of(
                        Map.of(
                                "sector",
                                "SaaS",
                                "stage",
                                "Seed",
                                "initialCheck",
                                1_000_000,
                                "reserveRatio",
                                1,
                                "reserveOptions",
                                List.of(
                                        Map.of("name", "none", "reserveRatio", 0),
                                        Map.of("name", "proRata", "reserveRatio", 1))),
                        Map.of(
                                "sector",
                                secondSector,
                                "stage",
                                "SeriesA",
                                "initialCheck",
                                3_000_000,
                                "reserveRatio",
                                0.5)));
        body.put(
                "fundTerms",
                Map.of(
                        "managementFeeRate",
                        0.02,
                        "postPeriodFeeRate",
                        0.015,
                        "carryRate",
                        0.2,
                        "hurdleRate",
                        0.08,
                        "catchUp",
                        1));
        // no allocation expects 50 winners among some 70 deals: the floor is relaxed, and the report shows the log
        body.put("constraints", Map.of("maxLossProbability", 0.6, "bucketMaxWeight", 0.7, "minExpectedWinners", 50));
        return body;
    }

    /** The report's HTML as the test token gets it. */
    static String report(String sessionId) {
        return given().get("/api/optimization/result/" + sessionId + "/report")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/html"))
                .extract()
                .asString();
    }

    /** Starts the session and waits for its result. */
    static JsonObject completed(Map<String, Object> body) {
        return SessionFixtures.completed(SessionFixtures.started(body));
    }
}
