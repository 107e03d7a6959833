package dev.vcportfolio.matrix;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.vcportfolio.support.Await;
import dev.vcportfolio.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code round_by_round_v1} through the public API (DESIGN 13): a fund's own calibration where every Seed company
 * raises a Series A after exactly 2 years at a step-up of exactly 3 selling 20 %, then exits a year later, so the
 * follow-ons and ownership are known by hand; both matrices stored and read back; bad round-by-round input refused.
 */
@QuarkusTest
class RoundByRoundGenerationTest {

    @Inject
    Pool pool;

    @Test
    void pro_rata_follow_on_is_0_6_of_the_cheque_two_years_after_entry_and_the_flows_add_up() {
        // given one deal a cell entering at year 4 x 0.5 = 2, reserve 1x
        String calibration = calibration("graduate", "{\"exitRate\": 0, \"graduateRate\": 1, \"failureRate\": 0}");

        // when
        String key = generate(calibration, bucket(1.0, "{\"mode\": \"proRata\"}"), 200);

        // then
        JsonPath view = given().get("/api/matrices/" + key)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(view.getString("source")).isEqualTo("round_by_round_v1");
        assertThat(view.getInt("yearCount")).isEqualTo(14);
        assertThat(view.getDouble("rows[0].reserveDeployment")).isCloseTo(0.6, within(1e-9));
        assertThat(view.getDouble("rows[0].meanOwnershipAtExit")).isCloseTo(0.1, within(1e-9));
        assertThat(view.getDouble("rows[0].meanYearsToExit")).isCloseTo(3, within(1e-9));
        float[] moic = floats(given().accept(ContentType.BINARY).get("/api/matrices/" + key + "/moic"));
        Response binary = given().accept(ContentType.BINARY).get("/api/matrices/" + key + "/cashflows");
        binary.then().statusCode(200).header("X-Row-Count", "1").header("X-Scenario-Count", "200");
        binary.then().header("X-Year-Count", "14");
        float[] flows = floats(binary);
        for (int s = 0; s < 200; s++) {
            int at = s * 14;
            assertThat(flows[at + 2]).as("the cheque, per allocated dollar").isEqualTo(-0.5f);
            assertThat(flows[at + 4]).as("the pro-rata follow-on at year 4").isEqualTo(-0.3f);
            double sum = 0;
            for (int y = 0; y < 14; y++) {
                sum += flows[at + y];
            }
            assertThat(sum).isCloseTo(moic[s] - 1, within(1e-6 * (1 + Math.abs(moic[s]))));
        }
        JsonPath json = given().get("/api/matrices/" + key + "/cashflows")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getFloat("cashflows[0][7][4]")).isEqualTo(flows[7 * 14 + 4]);
    }

    @Test
    void a_reserve_below_the_pro_rata_cheque_caps_it_and_no_participation_dilutes_by_0_8() {
        // given
        String calibration = calibration("cap", "{\"exitRate\": 0, \"graduateRate\": 1, \"failureRate\": 0}");

        // when
        String capped = generate(calibration, bucket(0.4, "{\"mode\": \"proRata\"}"), 100);
        String never = generate(calibration, bucket(1.0, "{\"participation\": 0}"), 100);

        // then
        assertThat(rowDouble(capped, "reserveDeployment")).isCloseTo(0.4, within(1e-9));
        assertThat(rowDouble(never, "reserveDeployment")).isZero();
        assertThat(rowDouble(never, "meanOwnershipAtExit")).isCloseTo(0.08, within(1e-9));
    }

    @Test
    void when_every_company_fails_at_seed_each_cell_is_the_unused_reserve_share() {
        // given
        String calibration = calibration("fail", "{\"exitRate\": 0, \"graduateRate\": 0, \"failureRate\": 1}");

        // when
        String key = generate(calibration, bucket(1.5, "{\"mode\": \"proRata\"}"), 100);

        // then
        for (float cell : floats(given().accept(ContentType.BINARY).get("/api/matrices/" + key + "/moic"))) {
            assertThat(cell).isEqualTo((float) (1.5 / 2.5));
        }
    }

    @Test
    void when_every_company_fails_the_lps_pay_fees_and_cheques_and_get_nothing_back() {
        // given one $1M Seed deal with an unused 1.5x reserve, in a $10M fund paying 2 and 20 over 4 + 6 years
        String calibration = calibration("fail-lp", "{\"exitRate\": 0, \"graduateRate\": 0, \"failureRate\": 1}");
        String key = generate(calibration, bucket(1.5, "{\"mode\": \"proRata\"}"), 50);

        // when
        var metrics = given().contentType(ContentType.JSON)
                .body("{\"matrixKey\": \"" + key + "\", \"fundSize\": 10000000, \"weights\": {\"SaaS|Seed\": 1}}")
                .post("/api/portfolio/evaluate")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        // then: 1.7M of fees, 8.3M to invest, of which only the cheques (1 / 2.5) are ever called
        assertThat(metrics.getDouble("fundMetrics.totalFees")).isCloseTo(1.7e6, within(1e-3));
        assertThat(metrics.getDouble("fundMetrics.investableCapital")).isCloseTo(8.3e6, within(1e-3));
        assertThat(metrics.getDouble("allocation[0].dollars")).isCloseTo(8.3e6, within(1e-3));
        assertThat(metrics.getDouble("fundMetrics.netTvpi.p90")).isZero();
        assertThat(metrics.getDouble("fundMetrics.grossMultiple.mean")).isZero();
        assertThat(metrics.getDouble("fundMetrics.netIrr.undefinedShare")).isEqualTo(1.0);
        assertThat(metrics.<Object>get("fundMetrics.netIrr.p50")).isNull();
        assertThat(metrics.getDouble("fundMetrics.expectedCarry")).isZero();
        List<Float> curve = metrics.getList("fundMetrics.jCurve.p50", Float.class);
        assertThat(curve).hasSize(13);
        assertThat((double) curve.getLast()).isCloseTo(-(0.4 * 8.3e6 + 1.7e6) / 10e6, within(1e-6));
    }

    @Test
    void every_frontier_point_reports_its_lp_metrics() {
        // given a two-bucket round-by-round matrix
        Response accepted = post("{\"scenarioCount\": 300, \"buckets\": ["
                + "{\"sector\": \"SaaS\", \"stage\": \"Seed\", \"initialCheck\": 1000000, \"reserveRatio\": 1},"
                + "{\"sector\": \"Bio\", \"stage\": \"SeriesA\", \"initialCheck\": 3000000, \"reserveRatio\": 0.5}]}");
        String key = accepted.jsonPath().getString("matrixKey");
        awaitComplete(key);
        String frontier = "{\"matrixKey\": \"" + key + "\", \"fundSize\": 50000000, \"points\": 3";

        // when: without fees and carry, and with the defaults
        JsonPath free = frontier(frontier + ", \"fundTerms\": {\"managementFeeRate\": 0, \"postPeriodFeeRate\": 0,"
                + " \"carryRate\": 0, \"hurdleRate\": 0, \"catchUp\": 0}}");
        JsonPath charged = frontier(frontier + "}");

        // then
        List<Float> gross = free.getList("points.fundMetrics.grossMultiple.mean", Float.class);
        List<Float> net = free.getList("points.fundMetrics.netTvpi.mean", Float.class);
        assertThat(net).hasSize(free.getList("points").size()).isEqualTo(gross);
        assertThat(free.getList("points.fundMetrics.investableCapital", Float.class))
                .allSatisfy(capital -> assertThat(capital).isEqualTo(50e6f));
        assertThat(charged.getList("points.fundMetrics.investableCapital", Float.class))
                .allSatisfy(capital -> assertThat((double) capital).isCloseTo(41.5e6, within(1.0)));
        List<Float> chargedNet = charged.getList("points.fundMetrics.netTvpi.mean", Float.class);
        List<Float> chargedGross = charged.getList("points.fundMetrics.grossMultiple.mean", Float.class);
        for (int i = 0; i < chargedNet.size(); i++) {
            assertThat(chargedNet.get(i)).isLessThan(chargedGross.get(i));
        }
    }

    private static JsonPath frontier(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/optimization/frontier")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void reserve_options_are_rows_of_both_matrices_and_equivalent_requests_share_a_key() {
        // given
        String options = "{\"sector\": \"SaaS\", \"stage\": \"Seed\", \"initialCheck\": 1000000, \"reserveRatio\": 1,"
                + " \"dealsPerBucket\": 3, \"reserveOptions\": ["
                + "{\"name\": \"none\", \"reserveRatio\": 0},"
                + "{\"name\": \"proRata\", \"reserveRatio\": 1, \"followOn\": {\"mode\": \"proRata\"}},"
                + "{\"name\": \"fixed\", \"reserveRatio\": 1.5, \"followOn\": {\"mode\": \"fixed\", \"multiple\": 0.5,"
                + " \"rounds\": 2}}]}";
        String body = "{\"simModel\": \"round_by_round_v1\", \"scenarioCount\": 300, \"buckets\": [" + options + "]}";
        String explicit = body.replace(
                "\"scenarioCount\": 300",
                "\"scenarioCount\": 300, \"fund\": {\"investmentPeriodYears\": 4, \"termYears\": 10,"
                        + " \"extensionYears\": 2}");

        // when
        Response first = post(body);
        String key = first.jsonPath().getString("matrixKey");
        awaitComplete(key);

        // then
        given().get("/api/matrices/" + key)
                .then()
                .statusCode(200)
                .body("calibrationVersion", equalTo("industry-benchmark-v3"))
                .body(
                        "bucketKeys",
                        equalTo(java.util.List.of("SaaS|Seed|fixed", "SaaS|Seed|none", "SaaS|Seed|proRata")))
                .body("rows.reservePolicy", hasItem("fixed"));
        assertThat(rowDoubleAt(key, 1, "reserveDeployment"))
                .as("no reserve, no follow-on")
                .isZero();
        post(explicit).then().statusCode(200).body("matrixKey", equalTo(key));
        String other =
                post(body.replace("\"rounds\": 2", "\"rounds\": 1")).jsonPath().getString("matrixKey");
        assertThat(other).isNotEqualTo(key);
    }

    @Test
    void round_by_round_fields_are_checked_and_a_refused_request_writes_nothing() {
        // given
        long before = Sql.scalarLong(pool, "SELECT count(*) FROM scenario_matrices");
        String seed = "{\"sector\": \"SaaS\", \"stage\": \"Seed\", \"initialCheck\": 1000000, \"reserveRatio\": 1";

        // when / then
        refused(
                "{\"simModel\": \"round_by_round_v1\", \"scenarioCount\": 10, \"buckets\": [" + seed
                        + ", \"followOn\": {\"mode\": \"fixed\"}}]}",
                "buckets[0].followOn.multiple");
        refused(
                "{\"simModel\": \"three_component_v1\", \"scenarioCount\": 10, \"buckets\": [" + seed
                        + ", \"followOn\": {\"mode\": \"proRata\"}}]}",
                "buckets[0].followOn");
        refused(
                "{\"scenarioCount\": 10, \"buckets\": [" + seed + "}], \"recycling\": {\"enabled\": true}}",
                "recycling");
        refused(
                "{\"simModel\": \"round_by_round_v1\", \"scenarioCount\": 10, \"buckets\": [" + seed
                        + "}], \"recycling\": {\"enabled\": true}}",
                "recycling");
        refused(
                "{\"simModel\": \"round_by_round_v1\", \"scenarioCount\": 10, \"buckets\": [" + seed
                        + ", \"reserveOptions\": [{\"name\": \"a\", \"reserveRatio\": 1},"
                        + " {\"name\": \"a\", \"reserveRatio\": 2}]}]}",
                "buckets[0].reserveOptions[1].name");
        refused(
                "{\"simModel\": \"round_by_round_v1\", \"scenarioCount\": 10, \"fund\": {\"termYears\": 3},"
                        + " \"buckets\": [" + seed + "}]}",
                "fund.termYears");
        refused(
                "{\"simModel\": \"round_by_round_v1\", \"scenarioCount\": 10, \"buckets\": [" + seed
                        + ", \"entryValuation\": 10}]}",
                "buckets[0].entryValuation");
        refused(
                "{\"simModel\": \"round_by_round_v1\", \"scenarioCount\": 10, \"buckets\": [" + seed
                        + ", \"followOn\": {\"participation\": 1.5}}]}",
                "buckets[0].followOn.participation");
        assertThat(Sql.scalarLong(pool, "SELECT count(*) FROM scenario_matrices"))
                .isEqualTo(before);
    }

    @Test
    void a_one_period_matrix_has_no_cash_flows() {
        // given
        String key = post("{\"simModel\": \"three_component_v1\", \"scenarioCount\": 50,"
                        + " \"buckets\": [{\"sector\": \"Bio\", \"stage\": \"SeriesA\","
                        + " \"initialCheck\": 2000000, \"reserveRatio\": 0.5}]}")
                .jsonPath()
                .getString("matrixKey");
        awaitComplete(key);

        // when / then
        given().accept(ContentType.BINARY)
                .get("/api/matrices/" + key + "/cashflows")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    /** A fund calibration whose Seed rounds do as given, Series A exits in its first round, fixed dynamics. */
    private static String calibration(String name, String seedTransition) {
        String version = "rounds-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String rest = "{\"exitRate\": 1, \"graduateRate\": 0, \"failureRate\": 0}";
        String exit = "{\"medianMOIC\": 2, \"p90MOIC\": 8}";
        String fixedYear = "{\"median\": 1, \"p90\": 1}";
        String stage = "{\"yearsToNextRound\": " + fixedYear + ", \"stepUp\": {\"median\": 3, \"p90\": 3},"
                + " \"dilution\": 0.2, \"entryPostMoney\": 10000000}";
        String body = "{\"version\": \"" + version + "\","
                + " \"transitionStats\": {\"Seed\": " + seedTransition + ", \"SeriesA\": " + rest + ", \"SeriesB\": "
                + rest + ", \"SeriesC\": " + rest + "},"
                + " \"exitOutcomes\": {\"Seed\": " + exit + ", \"SeriesA\": " + exit + ", \"SeriesB\": " + exit
                + ", \"SeriesC\": " + exit + "},"
                + " \"roundDynamics\": {\"Seed\": {\"yearsToNextRound\": {\"median\": 2, \"p90\": 2},"
                + " \"entryPostMoney\": 10000000}, \"SeriesA\": " + stage + ", \"SeriesB\": " + stage
                + ", \"SeriesC\": " + stage + "}}";
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/calibrations")
                .then()
                .statusCode(201);
        return version;
    }

    private static String bucket(double reserveRatio, String followOn) {
        return "{\"sector\": \"SaaS\", \"stage\": \"Seed\", \"initialCheck\": 1000000, \"reserveRatio\": "
                + reserveRatio + ", \"dealsPerBucket\": 1, \"followOn\": " + followOn + "}";
    }

    private String generate(String calibration, String bucket, int scenarios) {
        Response accepted = post("{\"simModel\": \"round_by_round_v1\", \"calibrationVersion\": \"" + calibration
                + "\", \"scenarioCount\": " + scenarios + ", \"buckets\": [" + bucket + "]}");
        accepted.then().statusCode(202);
        String key = accepted.jsonPath().getString("matrixKey");
        awaitComplete(key);
        return key;
    }

    private static double rowDouble(String key, String field) {
        return rowDoubleAt(key, 0, field);
    }

    private static double rowDoubleAt(String key, int row, String field) {
        return given().get("/api/matrices/" + key).jsonPath().getDouble("rows[" + row + "]." + field);
    }

    private static void refused(String body, String field) {
        post(body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/matrices/generate");
    }

    private static float[] floats(Response response) {
        byte[] bytes = response.then().statusCode(200).extract().asByteArray();
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.length / 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = buffer.getFloat();
        }
        return values;
    }

    /** Generous: these generations take well under a second; the bound only turns "never completes" into a failure. */
    private void awaitComplete(String key) {
        String ended = Await.atMost(Duration.ofSeconds(180), "matrix " + key + " to finish generating")
                .until(
                        () -> Sql.column(pool, "SELECT status FROM scenario_matrices WHERE matrix_key = $1", key)
                                .getFirst(),
                        seen -> !seen.equals("generating"));
        assertThat(ended).as("matrix " + key).isEqualTo("complete");
    }
}
