package dev.vcportfolio.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The checked-in {@code openapi/openapi.yaml} (from which the clients are generated) is the document the service
 * serves. When an endpoint changes, this test fails and leaves the live document in {@code target/openapi.yaml}:
 * review it and copy it over the checked-in file.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path CHECKED_IN = Path.of("openapi/openapi.yaml");

    @Test
    void the_checked_in_document_is_the_live_one() throws Exception {
        // given
        String live = given().get("/q/openapi").then().statusCode(200).extract().asString();

        // when
        String checkedIn = Files.readString(CHECKED_IN);

        // then
        if (!live.equals(checkedIn)) {
            Files.writeString(Path.of("target/openapi.yaml"), live);
        }
        assertThat(live)
                .as("the API changed: review target/openapi.yaml and copy it to openapi/openapi.yaml")
                .isEqualTo(checkedIn);
    }

    @Test
    void every_operation_has_an_id_and_the_problem_schema_is_declared() {
        String live = given().get("/q/openapi").then().statusCode(200).extract().asString();
        long operations = live.lines()
                .filter(line -> line.matches("\\s{4}(get|post|put|delete):"))
                .count();
        long ids = live.lines().filter(line -> line.contains("operationId:")).count();
        assertThat(ids).isEqualTo(operations).isGreaterThanOrEqualTo(13);
        assertThat(live).contains("application/problem+json", "Problem:");
    }
}
