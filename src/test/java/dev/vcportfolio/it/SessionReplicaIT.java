package dev.vcportfolio.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.platform.database.DatabaseTarget;
import dev.vcportfolio.support.Await;
import dev.vcportfolio.support.ServiceProcess;
import dev.vcportfolio.support.SharedDatabase;
import dev.vcportfolio.support.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Truth case 4 of issue 8 across processes: the same optimization request, computed once by one replica and once by
 * another (the first one stopped, so the second's worker must do it), gives the same allocation and E* bit for bit,
 * and the same out-of-sample validation.
 */
@ExtendWith(SharedDatabase.class)
class SessionReplicaIT {

    /**
     * Generous: a replica starts and this session finishes in seconds each. The bound only turns one that never does
     * into a failure.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void a_second_replica_computes_the_same_bits() throws Exception {
        // given one database, and a request whose matrix is generated with the shipped calibration
        DatabaseTarget database = TestDatabase.createDatabase("session_replicas");
        Map<String, String> environment = Map.of(
                "DB_URL", database.reactiveUrl(), "DB_USER", database.user(), "DB_PASSWORD", database.password());
        String body = new JsonObject()
                .put("fundId", "00000000-0000-4000-8000-0000000000aa")
                .put("fundSize", 50_000_000)
                .put(
                        "buckets",
                        new io.vertx.core.json.JsonArray()
                                .add(bucket("SaaS", "Seed", 1_000_000))
                                .add(bucket("SaaS", "SeriesA", 3_000_000))
                                .add(bucket("Bio", "Seed", 1_500_000))
                                .add(bucket("Bio", "SeriesB", 6_000_000)))
                .put("scenarioCount", 800)
                .put(
                        "constraints",
                        new JsonObject()
                                .put("bucketMaxWeight", 0.4)
                                .put("maxLossProbability", 0.45)
                                .put("cvarLimit", 0.85))
                .put("validationScenarios", 1_000)
                .encode();

        // when replica A runs it alone, then replica B alone
        JsonObject first;
        try (ServiceProcess a = ServiceProcess.launch("replica-a", environment)) {
            a.awaitReady(TIMEOUT);
            first = run(a, body);
        }
        JsonObject second;
        try (ServiceProcess b = ServiceProcess.launch("replica-b", environment)) {
            b.awaitReady(TIMEOUT);
            second = run(b, body);
        }

        // then
        assertThat(second.getString("sessionId")).isNotEqualTo(first.getString("sessionId"));
        assertThat(second.getJsonArray("allocation")).isEqualTo(first.getJsonArray("allocation"));
        assertThat(Double.doubleToRawLongBits(second.getDouble("pass1EStar")))
                .isEqualTo(Double.doubleToRawLongBits(first.getDouble("pass1EStar")));
        assertThat(second.getJsonArray("constraintReport")).isEqualTo(first.getJsonArray("constraintReport"));
        assertThat(second.getJsonObject("validationMetrics")).isEqualTo(first.getJsonObject("validationMetrics"));
    }

    private static JsonObject bucket(String sector, String stage, double check) {
        return new JsonObject()
                .put("sector", sector)
                .put("stage", stage)
                .put("initialCheck", check)
                .put("reserveRatio", 1.0);
    }

    private static JsonObject run(ServiceProcess service, String body) throws Exception {
        HttpResponse<String> accepted = HTTP.send(
                service.request("/api/optimization/request")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = new JsonObject(accepted.body()).getString("sessionId");
        JsonObject status = Await.atMost(TIMEOUT, "session " + id + " to finish")
                .until(
                        () -> get(service, "/api/optimization/status/" + id),
                        seen -> List.of("COMPLETED", "FAILED", "CANCELLED").contains(seen.getString("status")));
        assertThat(status.getString("status")).as("session ended " + status).isEqualTo("COMPLETED");
        return get(service, "/api/optimization/result/" + id);
    }

    private static JsonObject get(ServiceProcess service, String path) throws Exception {
        return new JsonObject(HTTP.send(service.request(path).build(), HttpResponse.BodyHandlers.ofString())
                .body());
    }
}
