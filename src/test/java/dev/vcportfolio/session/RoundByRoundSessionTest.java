package dev.vcportfolio.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A session on a {@code round_by_round_v1} matrix runs the whole way (generation of both matrices, optimization,
 * validation on fresh round-by-round scenarios), reserve-option rows included.
 */
@QuarkusTest
class RoundByRoundSessionTest {

    @Test
    void a_round_by_round_session_with_reserve_options_completes_and_validates_on_fresh_scenarios() {
        // given
        Map<String, Object> body = Map.of(
                "fundSize",
                100_000_000,
                "simModel",
                "round_by_round_v1",
                "fund",
                Map.of("investmentPeriodYears", 4, "termYears", 10, "extensionYears", 2),
                "scenarioCount",
                500,
                "validationScenarios",
                500,
                "buckets",
                List.of(
                        Map.of(
                                "sector",
                                "SaaS",
                                "stage",
                                "Seed",
                                "initialCheck",
                                1_000_000,
                                "reserveRatio",
                                1,
                                "reserveOptions",
                                List.of(
                                        Map.of("name", "none", "reserveRatio", 0),
                                        Map.of("name", "proRata", "reserveRatio", 1))),
                        Map.of(
                                "sector",
                                "Bio",
                                "stage",
                                "SeriesA",
                                "initialCheck",
                                3_000_000,
                                "reserveRatio",
                                0.5,
                                "followOn",
                                Map.of("mode", "fixed", "multiple", 0.25))),
                "constraints",
                Map.of("bucketMaxWeight", 0.6, "maxLossProbability", 0.6));

        // when
        JsonObject result = SessionFixtures.completed(SessionFixtures.started(body));

        // then
        JsonArray allocation = result.getJsonArray("allocation");
        assertThat(allocation.stream().map(row -> ((JsonObject) row).getString("bucketKey")))
                .containsExactlyInAnyOrder("Bio|SeriesA", "SaaS|Seed|none", "SaaS|Seed|proRata");
        double total = allocation.stream()
                .mapToDouble(row -> ((JsonObject) row).getDouble("weight"))
                .sum();
        assertThat(total).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-6));
        JsonObject validation = result.getJsonObject("validationMetrics");
        assertThat(validation.getDouble("expectedMoic")).isPositive();
        assertThat(result.getDouble("expectedMoic")).isPositive();
    }
}
