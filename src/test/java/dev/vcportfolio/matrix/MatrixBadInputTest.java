package dev.vcportfolio.matrix;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.vcportfolio.support.RawHttp;
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

/** Every malformed matrix gets a 400 naming the field, and nothing is written. */
@QuarkusTest
class MatrixBadInputTest {

    private static final String SAAS =
            "{\"sector\": \"SaaS\", \"stage\": \"Seed\", \"initialCheck\": 1e6, \"reserveRatio\": 1}";
    private static final String BIO =
            "{\"sector\": \"Bio\", \"stage\": \"SeriesA\", \"initialCheck\": 2e6, \"reserveRatio\": 0}";

    @Inject
    Pool pool;

    private long before;

    @BeforeEach
    void count() {
        before = Sql.count(pool, "scenario_matrices");
    }

    @AfterEach
    void nothingWritten() {
        assertThat(Sql.count(pool, "scenario_matrices")).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NaN as a string               | [%s]      | [["NaN", 1.0]]           | moic[0][0]
            NaN as a token                | [%s]      | [[NaN, 1.0]]             | moic[0][0]
            Infinity as a string          | [%s]      | [[1.0, "Infinity"]]      | moic[0][1]
            overflow to infinity          | [%s]      | [[1.0, 1e39]]            | moic[0][1]
            minus infinity overflow       | [%s]      | [[-1e39, 1.0]]           | moic[0][0]
            negative value                | [%s]      | [[1.0, -0.5]]            | moic[0][1]
            ragged rows                   | [%s, %s]  | [[1.0, 2.0], [1.0]]      | moic[1]
            fewer rows than buckets       | [%s, %s]  | [[1.0, 2.0]]             | moic
            more rows than buckets        | [%s]      | [[1.0], [2.0]]           | moic
            zero scenarios                | [%s]      | [[]]                     | moic[0]
            zero buckets                  | []        | []                       | buckets
            duplicate sector and stage    | [%s, %s]  | [[1.0], [2.0]]           | buckets[1]
            a string in the matrix        | [%s]      | [["a lot"]]              | moic[0][0]
            rows that are not arrays      | [%s]      | [1.0]                    | moic[0]
            """)
    void bad_matrix_is_a_400_naming_the_field(String description, String buckets, String moic, String field) {
        // given
        String second = description.startsWith("duplicate") ? SAAS : BIO;
        String body = "{\"buckets\": " + buckets.formatted(SAAS, second) + ", \"moic\": " + moic + "}";

        // then
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/matrices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            unknown stage         ; {"sector": "SaaS", "stage": "Angel", "initialCheck": 1e6, "reserveRatio": 1}  ; buckets[0].stage
            negative check        ; {"sector": "SaaS", "stage": "Seed", "initialCheck": -5, "reserveRatio": 1}    ; buckets[0].initialCheck
            negative reserve      ; {"sector": "SaaS", "stage": "Seed", "initialCheck": 1e6, "reserveRatio": -1}  ; buckets[0].reserveRatio
            sector with a bar     ; {"sector": "Sa|aS", "stage": "Seed", "initialCheck": 1e6, "reserveRatio": 1}  ; buckets[0].sector
            sector too long       ; {"sector": "%s", "stage": "Seed", "initialCheck": 1e6, "reserveRatio": 1}     ; buckets[0].sector
            pWin above one        ; {"sector": "SaaS", "stage": "Seed", "initialCheck": 1e6, "reserveRatio": 1, "pWin": 1.5} ; buckets[0].pWin
            missing stage         ; {"sector": "SaaS", "initialCheck": 1e6, "reserveRatio": 1}                    ; buckets[0].stage
            """)
    void bad_bucket_is_a_400_naming_the_field(String description, String bucket, String field) {
        // given
        String body = "{\"buckets\": [" + bucket.formatted("x".repeat(65)) + "], \"moic\": [[1.0, 2.0]]}";

        // then
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/matrices")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(field));
    }

    @Test
    void reserved_matrix_type_is_refused() {
        given().contentType(ContentType.JSON)
                .body("{\"buckets\": [" + SAAS + "], \"moic\": [[1.0]], \"matrixType\": \"tvpi\"}")
                .post("/api/matrices")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("matrixType"));
    }

    @Test
    void more_cells_than_the_limit_are_refused() {
        // given the test limit of 2,000,000 cells, and 2 x 1,000,001 cells
        byte[] values = new byte[2 * 1_000_001 * Float.BYTES];

        // then
        given().multiPart("spec", "{\"buckets\": [" + SAAS + ", " + BIO + "]}", "application/json")
                .multiPart("moic", "moic.f32", values, "application/octet-stream")
                .post("/api/matrices")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("moic"))
                .body("detail", org.hamcrest.Matchers.containsString("exceed the limit of 2000000"));
    }

    @ParameterizedTest(name = "binary part of {0} bytes for 2 buckets")
    @CsvSource({"0", "4", "12", "7"})
    void binary_part_whose_length_is_not_4_x_buckets_x_scenarios_is_refused(int length) {
        given().multiPart("spec", "{\"buckets\": [" + SAAS + ", " + BIO + "]}", "application/json")
                .multiPart("moic", "moic.f32", new byte[length], "application/octet-stream")
                .post("/api/matrices")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("moic"));
    }

    @Test
    void binary_part_with_nan_is_refused() {
        // given
        byte[] values = MatrixFixtures.littleEndian(new float[][] {{1f, Float.NaN}, {2f, 3f}});

        // then
        given().multiPart("spec", "{\"buckets\": [" + SAAS + ", " + BIO + "]}", "application/json")
                .multiPart("moic", "moic.f32", values, "application/octet-stream")
                .post("/api/matrices")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("moic[0][1]"));
    }

    @Test
    void scenario_count_that_disagrees_with_the_binary_part_is_refused() {
        given().multiPart(
                        "spec", "{\"buckets\": [" + SAAS + ", " + BIO + "], \"scenarioCount\": 3}", "application/json")
                .multiPart("moic", "moic.f32", new byte[16], "application/octet-stream")
                .post("/api/matrices")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("spec.scenarioCount"));
    }

    @Test
    void missing_parts_are_refused() {
        given().multiPart("spec", "{\"buckets\": [" + SAAS + "]}", "application/json")
                .post("/api/matrices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void body_declared_larger_than_the_matrix_limit_is_a_413() throws Exception {
        // when
        RawHttp.Response response = RawHttp.send("POST /api/matrices HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 400000000\r\n\r\n");

        // then
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).contains("payload-too-large");
    }

    @Test
    void the_problem_for_a_bad_matrix_stays_small_however_many_cells_are_bad() {
        // given 10,000 NaN strings
        String row = "[" + "\"NaN\",".repeat(9_999) + "\"NaN\"]";

        // then
        given().contentType(ContentType.JSON)
                .body("{\"buckets\": [" + SAAS + "], \"moic\": [" + row + "]}")
                .post("/api/matrices")
                .then()
                .statusCode(400)
                .body("errors.size()", org.hamcrest.Matchers.lessThanOrEqualTo(20))
                .body("status", equalTo(400));
    }
}
