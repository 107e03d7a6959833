package dev.vcportfolio.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import dev.vcportfolio.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad optimization request is a 4xx problem naming the field, and writes no session, matrix or job. */
@QuarkusTest
class SessionBadInputTest {

    private static final String BUCKET =
            "{\"sector\": \"SaaS\", \"stage\": \"Seed\", \"initialCheck\": 1e6, \"reserveRatio\": 1}";
    private static final String FUND = "\"fundId\": \"00000000-0000-4000-8000-000000000002\"";

    @Inject
    Pool pool;

    private long sessions;
    private long matrices;
    private long jobs;

    @BeforeEach
    void count() {
        sessions = Sql.count(pool, "optimization_sessions");
        matrices = Sql.count(pool, "scenario_matrices");
        jobs = Sql.count(pool, "job_outbox");
    }

    @AfterEach
    void nothingWritten() {
        assertThat(Sql.count(pool, "optimization_sessions")).isEqualTo(sessions);
        assertThat(Sql.count(pool, "scenario_matrices")).isEqualTo(matrices);
        assertThat(Sql.count(pool, "job_outbox")).isEqualTo(jobs);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            NaN fund size           ; %s, "fundSize": "NaN", "buckets": [%s], "scenarioCount": 100                    ; fundSize
            infinite fund size      ; %s, "fundSize": 1e999, "buckets": [%s], "scenarioCount": 100                    ; fundSize
            negative fund size      ; %s, "fundSize": -5, "buckets": [%s], "scenarioCount": 100                       ; fundSize
            neither matrix nor buckets ; %s, "fundSize": 1e8                                                          ; buckets
            both matrix and buckets ; %s, "fundSize": 1e8, "matrixKey": "%s", "buckets": [%s], "scenarioCount": 100    ; matrixKey
            matrix with generation fields ; %s, "fundSize": 1e8, "matrixKey": "%s", "scenarioCount": 100              ; scenarioCount
            unknown matrix          ; %s, "fundSize": 1e8, "matrixKey": "%s"                                          ; matrixKey
            malformed matrix key    ; %s, "fundSize": 1e8, "matrixKey": "' OR 1=1 --"               ; matrixKey
            buckets without count   ; %s, "fundSize": 1e8, "buckets": [%s]                                            ; scenarioCount
            empty buckets           ; %s, "fundSize": 1e8, "buckets": [], "scenarioCount": 100                        ; buckets
            unknown bucket stage    ; %s, "fundSize": 1e8, "buckets": [{"sector": "S", "stage": "Angel", "initialCheck": 1, "reserveRatio": 1}], "scenarioCount": 100 ; buckets[0].stage
            loss probability above 1; %s, "fundSize": 1e8, "buckets": [%s], "scenarioCount": 100, "constraints": {"maxLossProbability": 1.5} ; constraints.maxLossProbability
            NaN CVaR limit          ; %s, "fundSize": 1e8, "buckets": [%s], "scenarioCount": 100, "constraints": {"cvarLimit": "NaN"} ; constraints.cvarLimit
            confidence of one       ; %s, "fundSize": 1e8, "buckets": [%s], "scenarioCount": 100, "constraints": {"cvarConfidence": 1} ; constraints.cvarConfidence
            zero bucket cap         ; %s, "fundSize": 1e8, "buckets": [%s], "scenarioCount": 100, "constraints": {"bucketMaxWeight": 0} ; constraints.bucketMaxWeight
            negative min deals      ; %s, "fundSize": 1e8, "buckets": [%s], "scenarioCount": 100, "constraints": {"minDealsPerBucket": -1} ; constraints.minDealsPerBucket
            min deals without whole deals ; %s, "fundSize": 1e8, "buckets": [%s], "scenarioCount": 100, "constraints": {"wholeDeals": false, "minDealsPerBucket": 2} ; constraints.minDealsPerBucket
            whole deals not a boolean ; %s, "fundSize": 1e8, "buckets": [%s], "scenarioCount": 100, "constraints": {"wholeDeals": "yes"} ; constraints.wholeDeals
            negative winners        ; %s, "fundSize": 1e8, "buckets": [%s], "scenarioCount": 100, "constraints": {"minExpectedWinners": -1} ; constraints.minExpectedWinners
            sector min above max    ; %s, "fundSize": 1e8, "buckets": [%s], "scenarioCount": 100, "constraints": {"sectorBounds": {"SaaS": {"min": 0.6, "max": 0.4}}} ; constraints.sectorBounds.SaaS
            bounds on absent sector ; %s, "fundSize": 1e8, "buckets": [%s], "scenarioCount": 100, "constraints": {"sectorBounds": {"Bio": {"max": 0.4}}} ; constraints.sectorBounds.Bio
            unknown stage bound     ; %s, "fundSize": 1e8, "buckets": [%s], "scenarioCount": 100, "constraints": {"stageBounds": {"Angel": {"max": 0.4}}} ; constraints.stageBounds.Angel
            too many validation scenarios ; %s, "fundSize": 1e8, "buckets": [%s], "scenarioCount": 100, "validationScenarios": 5000000 ; validationScenarios
            too few validation scenarios  ; %s, "fundSize": 1e8, "buckets": [%s], "scenarioCount": 100, "validationScenarios": 1 ; validationScenarios
            negative epsilon        ; %s, "fundSize": 1e8, "buckets": [%s], "scenarioCount": 100, "epsilon": -0.1      ; epsilon
            wrong type              ; %s, "fundSize": "lots", "buckets": [%s], "scenarioCount": 100                   ; fundSize
            unknown field           ; %s, "fundSize": 1e8, "buckets": [%s], "scenarioCount": 100, "leverage": 3       ; leverage
            unknown calibration     ; %s, "fundSize": 1e8, "buckets": [%s], "scenarioCount": 100, "calibrationVersion": "nope" ; calibrationVersion
            """)
    void bad_request_is_a_400_naming_the_field(String description, String fields, String field) {
        // given
        String body = "{" + fill(fields) + "}";

        // then
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/optimization/request")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void a_malformed_idempotency_key_is_a_400() {
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k".repeat(201))
                .body("{" + fill("%s, \"fundSize\": 1e8, \"buckets\": [%s], \"scenarioCount\": 100") + "}")
                .post("/api/optimization/request")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void a_body_that_is_not_json_is_a_400() {
        given().contentType(ContentType.JSON)
                .body("{\"fundId\": ")
                .post("/api/optimization/request")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    /** Fills the placeholders in order: fund id, then a matrix key or a bucket as each slot needs. */
    private static String fill(String fields) {
        String out = fields.startsWith("%s") ? FUND + fields.substring(2) : fields;
        out = out.replace("\"%s\"", "\"" + "e".repeat(64) + "\"");
        return out.replace("%s", BUCKET);
    }
}
