package dev.vcportfolio.platform.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vcportfolio.support.Await;
import dev.vcportfolio.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * While the database is away, readiness is DOWN and API calls get 503 problems (not 500s, not hangs); when it returns,
 * readiness is UP again without a restart.
 */
@QuarkusTest
class DatabaseOutageTest {

    /**
     * Generous: with the database gone the pool fails at once (connection refused) and the 503 takes milliseconds. The
     * bound only turns a request left hanging on the dead database into a failure.
     */
    private static final Duration ANSWERED = Duration.ofSeconds(60);

    /**
     * Generous: the next readiness check reconnects as soon as the server is back. The bound only turns readiness
     * that never comes back without a restart into a failure.
     */
    private static final Duration RECOVERED = Duration.ofSeconds(60);

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

        // then readiness is DOWN, and an API call is answered (not left hanging) with a 503 problem
        Response ready = given().when().get("/q/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.jsonPath().getString("status")).isEqualTo("DOWN");
        Response reply = assertTimeoutPreemptively(
                ANSWERED, () -> given().when().get("/api/calibrations"), "an API call while the database is away");
        reply.then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("urn:vcportfolio:problem:service-unavailable"));

        // when it comes back
        TestDatabase.resume();

        // then readiness recovers by itself, and so does the API
        Await.atMost(RECOVERED, "readiness to be UP again")
                .until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        given().when().get("/api/calibrations").then().statusCode(200);
    }
}
