package dev.vcportfolio.platform.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.vcportfolio.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * While the database is away, readiness is DOWN and API calls get 503 problems (not 500s, not hangs); when it returns,
 * readiness is UP again without a restart.
 */
@QuarkusTest
class DatabaseOutageTest {

    @AfterEach
    void databaseBack() {
        TestDatabase.resume();
    }

    @Test
    void readiness_follows_the_database_and_requests_get_503_meanwhile() {
        // given
        given().when().get("/q/health/ready").then().statusCode(200);

        // when the database goes away
        TestDatabase.interrupt();

        // then
        Response ready = given().when().get("/q/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.jsonPath().getString("status")).isEqualTo("DOWN");
        Instant start = Instant.now();
        given().when()
                .get("/api/calibrations")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("urn:vcportfolio:problem:service-unavailable"));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));

        // when it comes back
        TestDatabase.resume();

        // then readiness recovers within 10 s, and so does the API
        Instant back = Instant.now();
        while (given().when().get("/q/health/ready").statusCode() != 200) {
            assertThat(Duration.between(back, Instant.now())).isLessThan(Duration.ofSeconds(10));
            sleep();
        }
        given().when().get("/api/calibrations").then().statusCode(200);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
