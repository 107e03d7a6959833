package dev.vcportfolio.matrix;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.vcportfolio.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Uploads are stored once per content, in canonical bucket order, and read back bit for bit in both forms. */
@QuarkusTest
class MatrixUploadTest {

    @Inject
    Pool pool;

    @Test
    void json_upload_is_stored_once_and_reads_back_bit_exact() {
        // given
        float[][] rows = MatrixFixtures.rows(1, 3, 500);
        Object body = MatrixFixtures.body(MatrixFixtures.BUCKETS, rows);

        // when
        Response first = given().contentType(ContentType.JSON).body(body).post("/api/matrices");
        Response second = given().contentType(ContentType.JSON).body(body).post("/api/matrices");

        // then
        first.then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/matrices/[0-9a-f]{64}"))
                .body("status", equalTo("complete"))
                .body("bucketKeys", equalTo(List.of("Bio|SeriesB", "Fintech|SeriesA", "SaaS|Seed")))
                .body("bucketCount", equalTo(3))
                .body("scenarioCount", equalTo(500))
                .body("matrixLayout", equalTo("float32-le-bucket-major"))
                .body("rawBytes", equalTo(6000))
                .body("source", equalTo("client"));
        String key = first.jsonPath().getString("matrixKey");
        second.then().statusCode(200).body("matrixKey", equalTo(key));
        assertThat(Sql.scalarLong(pool, "SELECT count(*) FROM scenario_matrices WHERE matrix_key = $1", key))
                .isEqualTo(1);
        assertThat(first.jsonPath().getLong("compressedBytes")).isPositive().isLessThan(6000);

        // and the values come back in canonical order: Bio (row 2), Fintech (row 1), SaaS (row 0)
        byte[] binary = given().accept(ContentType.BINARY)
                .get("/api/matrices/" + key + "/moic")
                .then()
                .statusCode(200)
                .header("X-Bucket-Count", "3")
                .header("X-Scenario-Count", "500")
                .extract()
                .asByteArray();
        float[][] canonical = {rows[2], rows[1], rows[0]};
        assertThat(binary).isEqualTo(MatrixFixtures.littleEndian(canonical));
        List<List<Float>> json = given().accept(ContentType.JSON)
                .get("/api/matrices/" + key + "/moic")
                .then()
                .statusCode(200)
                .body("bucketKeys[0]", equalTo("Bio|SeriesB"))
                .extract()
                .jsonPath()
                .getList("moic");
        for (int b = 0; b < 3; b++) {
            for (int s = 0; s < 500; s++) {
                assertThat(Float.floatToRawIntBits(json.get(b).get(s)))
                        .isEqualTo(Float.floatToRawIntBits(canonical[b][s]));
            }
        }
    }

    @Test
    void reordered_buckets_with_their_rows_are_the_same_matrix() {
        // given
        float[][] rows = MatrixFixtures.rows(2, 3, 64);
        String key = given().contentType(ContentType.JSON)
                .body(MatrixFixtures.body(MatrixFixtures.BUCKETS, rows))
                .post("/api/matrices")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("matrixKey");

        // when
        List<MatrixFixtures.Bucket> reversed = MatrixFixtures.BUCKETS.reversed();
        float[][] reversedRows = {rows[2], rows[1], rows[0]};

        // then
        given().contentType(ContentType.JSON)
                .body(MatrixFixtures.body(reversed, reversedRows))
                .post("/api/matrices")
                .then()
                .statusCode(200)
                .body("matrixKey", equalTo(key));
    }

    @Test
    void multipart_upload_of_the_same_content_finds_the_json_upload() {
        // given
        float[][] rows = MatrixFixtures.rows(3, 3, 200);
        String key = given().contentType(ContentType.JSON)
                .body(MatrixFixtures.body(MatrixFixtures.BUCKETS, rows))
                .post("/api/matrices")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("matrixKey");

        // when
        Response response = given().multiPart("spec", specJson(null), "application/json")
                .multiPart("moic", "moic.f32", MatrixFixtures.littleEndian(rows), "application/octet-stream")
                .post("/api/matrices");

        // then
        response.then().statusCode(200).body("matrixKey", equalTo(key));
    }

    @Test
    void multipart_upload_of_new_content_is_created() {
        // given
        float[][] rows = MatrixFixtures.rows(4, 3, 1000);

        // when
        Response response = given().multiPart("spec", specJson(1000), "application/json")
                .multiPart("moic", "moic.f32", MatrixFixtures.littleEndian(rows), "application/octet-stream")
                .post("/api/matrices");

        // then
        response.then().statusCode(201).body("scenarioCount", equalTo(1000)).body("bucketCount", equalTo(3));
    }

    @Test
    void unknown_and_malformed_keys_are_404_problems() {
        given().get("/api/matrices/" + "0".repeat(64)).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/matrices/not-a-key").then().statusCode(404);
        given().accept(ContentType.BINARY)
                .get("/api/matrices/' OR 1=1 --/moic")
                .then()
                .statusCode(404);
    }

    @Test
    void values_of_a_matrix_still_generating_are_a_409() {
        // given
        String key = "c".repeat(63) + "1";
        Sql.run(pool, """
                INSERT INTO scenario_matrices (matrix_key, matrix_key_json, fund_id, key_schema_version,
                                               sim_model_version)
                VALUES ($1, '{}', $2, 'v1.2', 'three_component_v1') ON CONFLICT DO NOTHING""", key, dev.vcportfolio.support.TestTokens.FUNDS.getFirst());

        // then
        given().get("/api/matrices/" + key).then().statusCode(200).body("status", equalTo("generating"));
        given().accept(ContentType.JSON)
                .get("/api/matrices/" + key + "/moic")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    static String specJson(Integer scenarioCount) {
        return """
                {"buckets": [
                  {"sector": "SaaS", "stage": "Seed", "initialCheck": 1500000, "reserveRatio": 1.0},
                  {"sector": "Fintech", "stage": "SeriesA", "initialCheck": 4000000, "reserveRatio": 0.5},
                  {"sector": "Bio", "stage": "SeriesB", "initialCheck": 8000000, "reserveRatio": 0.0}],
                 "matrixType": "moic"%s}""".formatted(scenarioCount == null ? "" : ", \"scenarioCount\": " + scenarioCount);
    }

    @Test
    void a_multipart_body_that_ends_before_its_closing_boundary_is_a_400_problem() throws Exception {
        // given a spec part and the start of a moic part, then the end of the body
        String body = "--b\r\nContent-Disposition: form-data; name=\"spec\"\r\nContent-Type: application/json\r\n\r\n"
                + specJson(null) + "\r\n--b\r\nContent-Disposition: form-data; name=\"moic\"; filename=\"m\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nabc";

        // when
        dev.vcportfolio.support.RawHttp.Response response = dev.vcportfolio.support.RawHttp.send(
                "POST /api/matrices HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("closing boundary");
    }

    @Test
    void a_multipart_content_type_with_an_empty_boundary_is_a_415_problem() throws Exception {
        // given the multipart reader's index error on "boundary=" (it was a 500)
        String request = "POST /api/matrices HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=\r\nContent-Length: 2\r\nConnection: close\r\n\r\n--";

        // when
        dev.vcportfolio.support.RawHttp.Response response = dev.vcportfolio.support.RawHttp.send(request);

        // then
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("boundary");
    }
}
