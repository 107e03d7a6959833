package dev.vcportfolio.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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

/**
 * Every kind of bad request gets an RFC 9457 problem with the right status and the offending field named, and writes
 * nothing. Exercised on the calibrations endpoint, whose body has enums, maps, numbers and nested records.
 */
@QuarkusTest
class ProblemResponsesTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    Pool pool;

    private long calibrationsBefore;

    @BeforeEach
    void countRows() {
        calibrationsBefore = Sql.count(pool, "calibration_snapshots");
    }

    @AfterEach
    void nothingWritten() {
        assertThat(Sql.count(pool, "calibration_snapshots")).isEqualTo(calibrationsBefore);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON            | {"version": "x"                                          | ''
            wrong type (number→text)  | {"version": 5}                                           | version
            wrong type (text→number)  | {"version": "x", "maxMoic": "12"}                        | maxMoic
            fraction for an integer   | {"version": "x", "maxRounds": 2.5}                       | maxRounds
            unknown enum value        | {"version": "x", "transitionStats": {"Angel": {}}}       | transitionStats
            unknown field             | {"version": "x", "volatility": 1}                        | volatility
            duplicate key             | {"version": "x", "version": "y"}                         | ''
            NaN token                 | {"version": "x", "maxMoic": NaN}                         | ''
            array instead of object   | [1, 2]                                                   | ''
            trailing garbage          | {"version": "x"} 5                                       | ''
            """)
    void unreadable_body_is_a_400_naming_the_field(String description, String body, String field) {
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/calibrations")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:vcportfolio:problem:invalid-request"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/calibrations"))
                .body("errors.field", hasItem(field));
    }

    @Test
    void validation_failures_name_every_field() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"version": "fund-a", "transitionStats": {"Seed": {"exitRate": 1.5, "graduateRate": 0.2}},
                         "exitOutcomes": {"Seed": {"medianMOIC": -1, "p90MOIC": 3}}}""")
                .when()
                .post("/api/calibrations")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("transitionStats.Seed.exitRate"))
                .body("errors.field", hasItem("transitionStats.Seed.failureRate"))
                .body("errors.field", hasItem("exitOutcomes.Seed.medianMOIC"))
                .body("detail", containsString("transitionStats.Seed.exitRate"));
    }

    @Test
    void missing_body_is_a_400() {
        given().contentType(ContentType.JSON)
                .when()
                .post("/api/calibrations")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].message", equalTo("must not be null"));
    }

    @Test
    void unknown_route_is_a_404_problem() {
        given().when()
                .get("/api/no-such-thing")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:vcportfolio:problem:not-found"));
    }

    @Test
    void wrong_method_is_a_405_problem() {
        given().when()
                .delete("/api/calibrations")
                .then()
                .statusCode(405)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(405));
    }

    @Test
    void wrong_media_type_is_a_415_problem() {
        given().contentType(ContentType.TEXT)
                .body("version=x")
                .when()
                .post("/api/calibrations")
                .then()
                .statusCode(415)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:vcportfolio:problem:unsupported-media-type"));
    }

    @Test
    void unacceptable_accept_header_is_a_406_problem() {
        given().accept("text/csv")
                .when()
                .get("/api/calibrations")
                .then()
                .statusCode(406)
                .body("status", equalTo(406));
    }

    @Test
    void body_over_the_limit_is_refused_from_its_headers_with_a_413_problem() throws Exception {
        // when a client announces 3 MB (the JSON limit is 2 MB) and waits for the answer before sending it
        RawHttp.Response response =
                RawHttp.send("POST /api/calibrations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 3145728\r\n\r\n");

        // then
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("content-type")).isEqualTo(PROBLEM_JSON);
        assertThat(response.body()).contains("urn:vcportfolio:problem:payload-too-large", "3145728");
    }

    @Test
    void chunked_body_past_the_route_limit_is_refused() throws Exception {
        // given 3 MB of legal JSON whitespace, chunked, to a route whose limit is 2 MB
        StringBuilder request = new StringBuilder("POST /api/calibrations HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        request.append("b\r\n{\"version\":\r\n");
        String chunk = " ".repeat(64 * 1024);
        for (int i = 0; i < 48; i++) {
            request.append(Integer.toHexString(chunk.length()))
                    .append("\r\n")
                    .append(chunk)
                    .append("\r\n");
        }
        request.append("4\r\n\"x\"}\r\n0\r\n\r\n");

        // when
        RawHttp.Response response = RawHttp.send(request.toString());

        // then
        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void unknown_calibration_is_a_404_problem() {
        given().when()
                .get("/api/calibrations/no-such-version")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("no-such-version"));
    }
}
