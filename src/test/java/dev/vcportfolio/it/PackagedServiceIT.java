package dev.vcportfolio.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vcportfolio.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged service as Quarkus built it: the jar under {@code ./mvnw verify}, the native executable under {@code
 * ./mvnw verify -Dnative} (README, "Native image"). One small run of everything the native image could lose: JNI into
 * OR-Tools on SCIP, CBC and GLOP, resources (the web page, migrations, the solver libraries), JSON and reflection,
 * the outbox worker and the database. The database is the suite's (PostgresTestResource, a global test resource).
 */
@QuarkusIntegrationTest
@WithTestResource(value = PackagedServiceIT.Settings.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class PackagedServiceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String FUND = TestTokens.FUNDS.getFirst().toString();

    /** Tokens as in the other packaged-service tests, and both MILP backends, so CBC's JNI path runs too. */
    public static final class Settings implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("app.auth.tokens", TestTokens.ENVIRONMENT, "app.optimizer.backends", "SCIP,CBC");
        }

        @Override
        public void stop() {}
    }

    @Test
    void health_and_the_web_page_are_served() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        String page = given().get("/").then().statusCode(200).extract().asString();
        assertThat(page).contains("<html", "js/main.js");
        given().get("/js/main.js").then().statusCode(200).contentType("text/javascript");
        given().get("/app.css").then().statusCode(200);
    }

    @Test
    void an_uploaded_matrix_comes_back_bit_for_bit_and_an_lp_alone_optimizes_it() {
        // given three buckets over 40 scenarios, values exact in float32
        float[][] rows = new float[3][40];
        for (int j = 0; j < 40; j++) {
            rows[0][j] = j % 4 == 0 ? 0f : 2.5f + j * 0.125f;
            rows[1][j] = 1.25f + (j % 5) * 0.0625f;
            rows[2][j] = j % 10 == 0 ? 12f : 0.5f;
        }

        // when
        String key = given().contentType(ContentType.JSON)
                .body(Map.of("fundId", FUND, "buckets", buckets("A", "B", "C"), "moic", asLists(rows)))
                .post("/api/matrices")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(200)))
                .extract()
                .path("matrixKey");

        // then both encodings return the stored values
        byte[] binary = given().accept("application/octet-stream")
                .get("/api/matrices/" + key + "/moic")
                .then()
                .statusCode(200)
                .header("X-Bucket-Count", "3")
                .header("X-Scenario-Count", "40")
                .extract()
                .asByteArray();
        ByteBuffer values = ByteBuffer.wrap(binary).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : rows) {
            for (float value : row) {
                assertThat(values.getFloat()).isEqualTo(value);
            }
        }
        List<List<Float>> json = given().get("/api/matrices/" + key + "/moic")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("moic");
        assertThat(json.get(2).get(0)).isEqualTo(12f);

        // and a session on free shares whose limits do not bind is settled by one LP (GLOP), validated by bootstrap
        JsonObject result = completed(Map.of(
                "fundId",
                FUND,
                "fundSize",
                100_000_000,
                "matrixKey",
                key,
                "constraints",
                Map.of("bucketMaxWeight", 0.6, "maxLossProbability", 0.9, "wholeDeals", false),
                "validationScenarios",
                500));
        assertThat(result.getJsonObject("solverMetadata").getString("backend")).isEqualTo("GLOP");
        assertThat(result.getJsonObject("validationMetrics").getString("method"))
                .isEqualTo("bootstrap");
        assertThat(result.getJsonArray("allocation").stream()
                        .mapToDouble(row -> ((JsonObject) row).getDouble("weight"))
                        .sum())
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void a_generated_fund_with_a_binding_loss_limit_is_optimized_on_scip_and_cbc_and_validated() {
        // when: the matrix is simulated, the loss limit binds, both MILP backends run
        JsonObject result = completed(Map.of(
                "fundId",
                FUND,
                "fundSize",
                80_000_000,
                "buckets",
                List.of(
                        generated("SaaS", "Seed", 1_000_000),
                        generated("SaaS", "SeriesA", 3_000_000),
                        generated("Bio", "Seed", 1_500_000)),
                "scenarioCount",
                400,
                "constraints",
                Map.of("bucketMaxWeight", 0.7, "maxLossProbability", LOSS_LIMIT),
                "validationScenarios",
                1_000,
                "simModel",
                "three_component_v1"));

        // then
        JsonObject loss = lossRow(result);
        assertThat(loss.getBoolean("binding")).as("%s", loss).isTrue();
        assertThat(loss.getBoolean("satisfied")).isTrue();
        JsonObject solver = result.getJsonObject("solverMetadata");
        assertThat(solver.getString("backend")).isIn("SCIP", "CBC");
        assertThat(solver.getJsonArray("runs").stream().map(run -> ((JsonObject) run).getString("backend")))
                .contains("SCIP", "CBC");
        assertThat(solver.getBoolean("verified")).isTrue();
        JsonObject validation = result.getJsonObject("validationMetrics");
        assertThat(validation.getString("method")).isEqualTo("fresh-simulation");
        assertThat(validation.getInteger("scenarios")).isEqualTo(1_000);
    }

    /** Binds on this fund (one-period model): without it, about 21 % of its 400 scenarios lose money. */
    static final double LOSS_LIMIT = 0.2;

    /** Starts a session, polls it to its end and returns its result, doubles parsed exactly. */
    private static JsonObject completed(Object request) {
        String id = given().contentType(ContentType.JSON)
                .body(request)
                .post("/api/optimization/request")
                .then()
                .statusCode(202)
                .extract()
                .path("sessionId");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath status = given().get("/api/optimization/status/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (List.of("COMPLETED", "FAILED", "CANCELLED").contains(status.getString("status"))) {
                assertThat(status.getString("status"))
                        .as("session %s: %s", id, status.getString("errorReason"))
                        .isEqualTo("COMPLETED");
                return new JsonObject(given().get("/api/optimization/result/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
            }
            pause();
        }
        throw new AssertionError("session " + id + " did not finish within " + TIMEOUT);
    }

    private static JsonObject lossRow(JsonObject result) {
        JsonArray rows = result.getJsonArray("constraintReport");
        return rows.stream()
                .map(JsonObject.class::cast)
                .filter(row -> row.getString("constraint").equals("lossProbability")
                        && row.getString("subject").isEmpty())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no loss row in " + rows));
    }

    private static Map<String, Object> generated(String sector, String stage, double check) {
        return Map.of("sector", sector, "stage", stage, "initialCheck", check, "reserveRatio", 1.0);
    }

    private static List<Object> buckets(String... sectors) {
        List<Object> buckets = new ArrayList<>();
        for (String sector : sectors) {
            buckets.add(Map.of("sector", sector, "stage", "Seed", "initialCheck", 1_000_000, "reserveRatio", 1.0));
        }
        return buckets;
    }

    private static List<List<Float>> asLists(float[][] rows) {
        List<List<Float>> lists = new ArrayList<>();
        for (float[] row : rows) {
            List<Float> values = new ArrayList<>();
            for (float value : row) {
                values.add(value);
            }
            lists.add(values);
        }
        return lists;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
