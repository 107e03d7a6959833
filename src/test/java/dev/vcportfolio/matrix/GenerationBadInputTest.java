package dev.vcportfolio.matrix;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad generation request is a 400 naming the field, and writes neither a matrix nor a job. */
@QuarkusTest
class GenerationBadInputTest {

    private static final String OK =
            "{\"sector\": \"SaaS\", \"stage\": \"Seed\", \"initialCheck\": 1e6, \"reserveRatio\": 1}";

    @Inject
    Pool pool;

    private long matrices;
    private long jobs;

    @BeforeEach
    void count() {
        matrices = Sql.count(pool, "scenario_matrices");
        jobs = Sql.count(pool, "job_outbox");
    }

    @AfterEach
    void nothingWritten() {
        assertThat(Sql.count(pool, "scenario_matrices")).isEqualTo(matrices);
        assertThat(Sql.count(pool, "job_outbox")).isEqualTo(jobs);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            unknown stage           ; {"sector": "SaaS", "stage": "Angel", "initialCheck": 1e6, "reserveRatio": 1}  ; 100  ;                                   ; buckets[0].stage
            negative check          ; {"sector": "SaaS", "stage": "Seed", "initialCheck": -1, "reserveRatio": 1}    ; 100  ;                                   ; buckets[0].initialCheck
            negative reserve ratio  ; {"sector": "SaaS", "stage": "Seed", "initialCheck": 1e6, "reserveRatio": -0.1}; 100  ;                                   ; buckets[0].reserveRatio
            NaN check               ; {"sector": "SaaS", "stage": "Seed", "initialCheck": "NaN", "reserveRatio": 1} ; 100  ;                                   ; buckets[0].initialCheck
            infinite check          ; {"sector": "SaaS", "stage": "Seed", "initialCheck": 1e999, "reserveRatio": 1} ; 100  ;                                   ; buckets[0].initialCheck
            zero deals              ; {"sector": "SaaS", "stage": "Seed", "initialCheck": 1e6, "reserveRatio": 1, "dealsPerBucket": 0} ; 100 ;           ; buckets[0].dealsPerBucket
            zero scenarios          ; %s                                                                             ; 0    ;                                   ; scenarioCount
            too many scenarios      ; %s                                                                             ; 1000001 ;                                ; scenarioCount
            more cells than allowed ; %s                                                                             ; 900000 ; , "buckets2": 1                  ; scenarioCount
            NaN fund size           ; %s                                                                             ; 100  ; , "fundSize": "NaN", "bucketMaxWeight": 0.2 ; fundSize
            weight above one        ; %s                                                                             ; 100  ; , "fundSize": 1e8, "bucketMaxWeight": 1.5  ; bucketMaxWeight
            fund size alone         ; %s                                                                             ; 100  ; , "fundSize": 1e8                   ; bucketMaxWeight
            duplicate bucket        ; %s, %s                                                                         ; 100  ;                                   ; buckets[1]
            regimes not summing to 1; %s                                                                             ; 100  ; , "regimes": [{"name": "a", "probability": 0.5, "shockMin": 0, "shockMax": 0.1}] ; regimes
            unknown calibration     ; %s                                                                             ; 100  ; , "calibrationVersion": "nope"      ; calibrationVersion
            """)
    void bad_request_is_a_400_naming_the_field(
            String description, String buckets, String scenarios, String extra, String field) {
        // given (the cell limit in tests is 2,000,000: 3 buckets x 900,000 exceed it)
        String bucketList = description.startsWith("more cells")
                ? OK + ", " + OK.replace("Seed", "SeriesA") + ", " + OK.replace("Seed", "SeriesB")
                : buckets.formatted(OK, OK);
        String body = "{\"buckets\": [" + bucketList + "], \"scenarioCount\": " + scenarios
                + (extra == null || extra.contains("buckets2") ? "" : extra) + "}";

        // then
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/matrices/generate")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
