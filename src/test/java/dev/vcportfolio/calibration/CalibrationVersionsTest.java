package dev.vcportfolio.calibration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.vcportfolio.support.Sql;
import dev.vcportfolio.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Calibration versions are per fund: two funds may both have a version of one name, each sees and generates with its
 * own, and neither learns that the other's exists (no 409 across funds, 404 for the other's).
 */
@QuarkusTest
class CalibrationVersionsTest {

    /** Fund A: the test token's first fund (its default owner). */
    static final UUID FUND_A = TestTokens.FUNDS.getFirst();

    /** A second fund of the same token. */
    static final UUID FUND_A2 = TestTokens.FUNDS.get(1);

    /** Fund B: held by the other token alone. */
    static final UUID FUND_B = TestTokens.OTHER_FUND;

    static final String BUCKET =
            "{\"sector\": \"SaaS\", \"stage\": \"Seed\", \"initialCheck\": 1500000, \"reserveRatio\": 1}";

    @Inject
    Pool pool;

    @Test
    void two_funds_create_the_same_version_with_different_content_and_each_reads_its_own() {
        // given
        String version = fresh("v1");

        // when
        Response createdByA = as(TestTokens.TOKEN).body(calibration(version, 8)).post("/api/calibrations");
        Response createdByB =
                as(TestTokens.OTHER_TOKEN).body(calibration(version, 9)).post("/api/calibrations");

        // then
        createdByA.then().statusCode(201).body("fundId", equalTo(FUND_A.toString()));
        createdByB.then().statusCode(201).body("fundId", equalTo(FUND_B.toString()));
        assertThat(createdByA.header("Location")).endsWith("/api/calibrations/" + version + "?fundId=" + FUND_A);
        readBack(TestTokens.TOKEN, version, FUND_A, 8);
        readBack(TestTokens.OTHER_TOKEN, version, FUND_B, 9);
        assertThat(listed(TestTokens.TOKEN, version)).containsExactly(FUND_A.toString());
        assertThat(listed(TestTokens.OTHER_TOKEN, version)).containsExactly(FUND_B.toString());
    }

    @Test
    void a_second_write_of_a_version_by_the_same_fund_is_a_conflict_and_changes_nothing() {
        // given
        String version = fresh("twice");
        created(TestTokens.TOKEN, version, 8);

        // when
        Response again = as(TestTokens.TOKEN).body(calibration(version, 9)).post("/api/calibrations");

        // then
        again.then().statusCode(409);
        readBack(TestTokens.TOKEN, version, FUND_A, 8);
    }

    @Test
    void another_fund_of_the_same_token_has_its_own_namespace_too() {
        // given
        String version = fresh("per-fund");
        created(TestTokens.TOKEN, version, 8);

        // when
        Response second =
                as(TestTokens.TOKEN).body(calibration(version, 9, FUND_A2)).post("/api/calibrations");

        // then: each fund reads its own; without a fund, the token's first fund that has the version
        second.then().statusCode(201).body("fundId", equalTo(FUND_A2.toString()));
        readBack(TestTokens.TOKEN, version + "?fundId=" + FUND_A2, FUND_A2, 9);
        readBack(TestTokens.TOKEN, version + "?fundId=" + FUND_A, FUND_A, 8);
        readBack(TestTokens.TOKEN, version, FUND_A, 8);
    }

    @Test
    void another_funds_version_is_unknown_whether_read_by_name_or_by_fund() {
        // given
        String version = fresh("only-a");
        created(TestTokens.TOKEN, version, 8);

        // when
        Response byName = as(TestTokens.OTHER_TOKEN).get("/api/calibrations/" + version);
        Response byFund = as(TestTokens.OTHER_TOKEN).get("/api/calibrations/" + version + "?fundId=" + FUND_A);
        Response missing = as(TestTokens.OTHER_TOKEN).get("/api/calibrations/" + fresh("never"));

        // then
        byName.then().statusCode(404);
        byFund.then().statusCode(404);
        assertThat(byName.jsonPath().getString("title"))
                .isEqualTo(missing.jsonPath().getString("title"));
        // a fund the token does not hold: the answer for any such fund, naming only what the caller sent
        assertThat(byFund.jsonPath().getString("detail")).isEqualTo("no fund " + FUND_A);
    }

    @Test
    void a_fund_version_may_not_repeat_a_shared_benchmarks_name() {
        // when
        Response response = as(TestTokens.OTHER_TOKEN)
                .body(calibration("industry-benchmark-v1", 9))
                .post("/api/calibrations");

        // then
        response.then().statusCode(409);
        as(TestTokens.OTHER_TOKEN)
                .get("/api/calibrations/industry-benchmark-v1")
                .then()
                .statusCode(200)
                .body("fundId", equalTo(null))
                .body("exitOutcomes.Seed.p90MOIC", equalTo(12.0f));
    }

    @Test
    void each_fund_generates_with_its_own_calibration_of_a_shared_version_name() {
        // given both funds' own "v1", with different exit tails
        String version = fresh("v1-gen");
        created(TestTokens.TOKEN, version, 8);
        created(TestTokens.OTHER_TOKEN, version, 9);
        String request = generation(version);

        // when
        String keyA = generate(TestTokens.TOKEN, request);
        String keyB = generate(TestTokens.OTHER_TOKEN, request);

        // then: different matrices, each planned with its own fund's snapshot; the same request again is the same key
        assertThat(keyA).isNotEqualTo(keyB);
        assertThat(plannedP90(keyA)).isEqualTo(8.0);
        assertThat(plannedP90(keyB)).isEqualTo(9.0);
        assertThat(generate(TestTokens.TOKEN, request)).isEqualTo(keyA);
        assertThat(Sql.column(
                        pool,
                        "SELECT fund_id::text || ':' || calibration_version FROM scenario_matrices"
                                + " WHERE matrix_key = ANY($1) ORDER BY fund_id",
                        (Object) new String[] {keyA, keyB}))
                .containsExactly(FUND_A + ":" + version, FUND_B + ":" + version);
    }

    @Test
    void a_generation_never_borrows_another_funds_version() {
        // given a version only fund A has
        String version = fresh("a-only-gen");
        created(TestTokens.TOKEN, version, 8);
        String request = generation(version);

        // when fund B, and fund A2 of the token that holds A, generate with it
        Response byB = as(TestTokens.OTHER_TOKEN).body(request).post("/api/matrices/generate");
        Response byA2 = as(TestTokens.TOKEN)
                .body(request.replace("{\"buckets\"", "{\"fundId\": \"" + FUND_A2 + "\", \"buckets\""))
                .post("/api/matrices/generate");

        // then both are told the version does not exist, as for one that never did
        byB.then().statusCode(400).body("errors[0].field", equalTo("calibrationVersion"));
        byA2.then().statusCode(400).body("errors[0].field", equalTo("calibrationVersion"));
    }

    private void readBack(String token, String path, UUID fund, double p90) {
        as(token)
                .get("/api/calibrations/" + path)
                .then()
                .statusCode(200)
                .body("fundId", equalTo(fund.toString()))
                .body("exitOutcomes.Seed.p90MOIC", equalTo((float) p90));
    }

    private static List<String> listed(String token, String version) {
        return as(token)
                .get("/api/calibrations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.version == '" + version + "' }.fundId", String.class);
    }

    private static String generate(String token, String request) {
        Response response = as(token).body(request).post("/api/matrices/generate");
        assertThat(response.statusCode()).as(response.asString()).isIn(200, 202);
        return response.jsonPath().getString("matrixKey");
    }

    private double plannedP90(String key) {
        return Double.parseDouble(Sql.column(
                        pool,
                        "SELECT matrix_key_json #>> '{calibration,exitOutcomes,Seed,p90MOIC}' FROM scenario_matrices"
                                + " WHERE matrix_key = $1",
                        key)
                .getFirst());
    }

    /** Stores a calibration for the token's first fund and checks it was created. */
    private static void created(String token, String version, double p90) {
        as(token)
                .body(calibration(version, p90))
                .post("/api/calibrations")
                .then()
                .statusCode(201);
    }

    /** A small generation request with a calibration version. */
    private static String generation(String version) {
        return "{\"buckets\": [" + BUCKET + "], \"scenarioCount\": 300, \"calibrationVersion\": \"" + version + "\"}";
    }

    private static RequestSpecification as(String token) {
        return given().header(TestTokens.AUTHORIZATION, TestTokens.bearer(token))
                .contentType(ContentType.JSON);
    }

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> calibration(String version, double p90) {
        return calibration(version, p90, null);
    }

    /** A calibration whose Seed exit tail is {@code p90}; {@code fund} null leaves the fund to the token. */
    private static Map<String, Object> calibration(String version, double p90, UUID fund) {
        Map<String, Object> rates = Map.of("exitRate", 0.1, "graduateRate", 0.3, "failureRate", 0.2);
        Map<String, Object> seedExit = Map.of("medianMOIC", 2, "p90MOIC", p90);
        Map<String, Object> exit = Map.of("medianMOIC", 2, "p90MOIC", 8);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("version", version);
        if (fund != null) {
            body.put("fundId", fund.toString());
        }
        body.put("transitionStats", Map.of("Seed", rates, "SeriesA", rates, "SeriesB", rates, "SeriesC", rates));
        body.put("exitOutcomes", Map.of("Seed", seedExit, "SeriesA", exit, "SeriesB", exit, "SeriesC", exit));
        return body;
    }
}
