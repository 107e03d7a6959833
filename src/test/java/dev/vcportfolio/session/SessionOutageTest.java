package dev.vcportfolio.session;

import static dev.vcportfolio.session.SessionFixtures.awaitTerminal;
import static dev.vcportfolio.session.SessionFixtures.onMatrix;
import static dev.vcportfolio.session.SessionFixtures.request;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vcportfolio.support.Await;
import dev.vcportfolio.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops for 20 s while clients keep creating and polling sessions: requests get 503 problems (never 500,
 * never a hang), readiness goes DOWN, and after the database's return everything is UP again without a restart and
 * every accepted session completes, each step's job done exactly once.
 */
@QuarkusTest
class SessionOutageTest {

    /** How long clients keep calling while the database is away: pacing, not a bound (a slow machine calls less). */
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    /**
     * Generous: with the database gone the pool fails at once and a 503 takes milliseconds. The bound only turns a
     * request left hanging on the dead database into a failure.
     */
    private static final Duration ANSWERED = Duration.ofSeconds(60);

    /**
     * Generous: the next readiness check reconnects as soon as the server is back. The bound only turns readiness
     * that never comes back without a restart into a failure.
     */
    private static final Duration RECOVERED = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @AfterEach
    void databaseBack() {
        TestDatabase.resume();
    }

    @Test
    void sessions_accepted_around_an_outage_all_complete_exactly_once() {
        // given sessions accepted just before the outage
        String key = SessionFixtures.upload(
                List.of(new String[] {"A", "Seed"}, new String[] {"B", "SeriesA"}),
                new double[][] {{0, 3, 0.5, 2, 4, 0, 1, 6}, {1.1, 1.2, 0.9, 1.3, 1.0, 1.4, 1.2, 1.1}});
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            accepted.add(SessionFixtures.started(onMatrix(key, Map.of("maxLossProbability", 0.5 + i / 100.0))));
        }

        // when the database goes away and clients keep calling
        TestDatabase.interrupt();
        Map<Integer, Integer> codes = new TreeMap<>();
        long slowest = 0;
        long end = System.nanoTime() + OUTAGE.toNanos();
        int i = 0;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            boolean poll = i % 2 == 0;
            String status = "/api/optimization/status/" + accepted.get(i % accepted.size());
            Map<String, Object> body = onMatrix(key, Map.of("maxLossProbability", 0.7 + i / 1e6));
            Response reply = assertTimeoutPreemptively(
                    ANSWERED, () -> poll ? given().get(status) : request(body), "a call while the database is away");
            slowest = Math.max(slowest, System.nanoTime() - start);
            codes.merge(reply.statusCode(), 1, Integer::sum);
            if (reply.statusCode() == 503) {
                assertThat(reply.contentType()).startsWith("application/problem+json");
            }
            if (reply.statusCode() == 202) {
                accepted.add(reply.path("sessionId"));
            }
            i++;
            SessionFixtures.sleep(100);
        }
        given().get("/q/health/ready").then().statusCode(503);

        // then nothing but 503s while it was away, each answered (the slowest is printed, not asserted)
        System.out.printf("outage: %s, slowest reply %d ms%n", codes, slowest / 1_000_000);
        assertThat(codes.keySet()).as("status codes during the outage").containsOnly(503);

        // when it returns
        TestDatabase.resume();
        Await.atMost(RECOVERED, "readiness to be UP again")
                .until(() -> given().get("/q/health/ready").statusCode() == 200);

        // then every accepted session completes, with one optimization and one validation job each
        for (String id : accepted) {
            assertThat(awaitTerminal(id).getString("status")).isEqualTo("COMPLETED");
            assertThat(SessionFixtures.completedStepJobs(pool, id)).isEqualTo(2);
        }
    }
}
