package dev.vcportfolio.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.hasItems;

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

        // and with the default 2 and 20 over 4 + 6 years the weights split 83 % of the fund
        JsonObject fund = result.getJsonObject("fundMetrics");
        assertThat(fund.getDouble("totalFees")).isCloseTo(17e6, within(1e-3));
        assertThat(fund.getDouble("investableCapital")).isCloseTo(83e6, within(1e-3));
        double dollars = allocation.stream()
                .mapToDouble(row -> ((JsonObject) row).getDouble("dollars"))
                .sum();
        assertThat(dollars).isCloseTo(83e6, within(1.0));
        for (JsonObject metrics : List.of(fund, validation.getJsonObject("fundMetrics"))) {
            assertThat(metrics.getJsonObject("netTvpi").getDouble("mean"))
                    .isLessThan(metrics.getJsonObject("grossMultiple").getDouble("mean"));
            assertThat(metrics.getJsonArray("jCurve")).hasSize(13);
            JsonObject first = metrics.getJsonArray("jCurve").getJsonObject(0);
            assertThat(first.getInteger("year")).isZero();
            assertThat(first.getDouble("p50")).isNegative();
            assertThat(metrics.getJsonObject("probabilityNetTvpiAtLeast").getDouble("1"))
                    .isBetween(0.0, 1.0);
            assertThat(metrics.getDouble("expectedCarry")).isNotNegative();
        }
        // fresh scenarios agree with the optimizer's within sampling error: the share returning the fund to the LPs,
        // 4 sigma of the difference of two binomial shares of 500
        double inSample = fund.getJsonObject("probabilityNetTvpiAtLeast").getDouble("1");
        double fresh = validation
                .getJsonObject("fundMetrics")
                .getJsonObject("probabilityNetTvpiAtLeast")
                .getDouble("1");
        double pooled = (inSample + fresh) / 2;
        assertThat(fresh).isCloseTo(inSample, within(4 * Math.sqrt(pooled * (1 - pooled) * (2.0 / 500)) + 1e-9));
    }

    @Test
    void without_fees_or_carry_the_lps_see_the_gross_multiple_in_and_out_of_sample() {
        // given
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "fundSize",
                50_000_000,
                "scenarioCount",
                400,
                "validationScenarios",
                400,
                "buckets",
                List.of(Map.of("sector", "SaaS", "stage", "Seed", "initialCheck", 1_000_000, "reserveRatio", 1)),
                "constraints",
                Map.of("maxLossProbability", 1)));
        body.put(
                "fundTerms",
                Map.of("managementFeeRate", 0, "postPeriodFeeRate", 0, "carryRate", 0, "hurdleRate", 0, "catchUp", 0));

        // when
        JsonObject result = SessionFixtures.completed(SessionFixtures.started(body));

        // then
        for (JsonObject metrics : List.of(
                result.getJsonObject("fundMetrics"),
                result.getJsonObject("validationMetrics").getJsonObject("fundMetrics"))) {
            JsonObject gross = metrics.getJsonObject("grossMultiple");
            JsonObject net = metrics.getJsonObject("netTvpi");
            for (String field : List.of("mean", "p10", "p50", "p90")) {
                assertThat(net.getDouble(field)).as(field).isCloseTo(gross.getDouble(field), within(1e-9));
            }
            assertThat(metrics.getDouble("totalFees")).isZero();
            assertThat(metrics.getDouble("investableCapital")).isEqualTo(50e6);
        }
    }

    @Test
    void a_session_on_a_stored_round_by_round_matrix_splits_the_fund_less_its_fees() {
        // given a matrix generated first (default 4 + 6 year fund: 17 % of fees), then optimized by key
        String first = SessionFixtures.started(Map.of(
                "fundSize",
                100_000_000,
                "scenarioCount",
                300,
                "validationScenarios",
                300,
                "buckets",
                List.of(Map.of("sector", "Bio", "stage", "Seed", "initialCheck", 1_000_000, "reserveRatio", 1)),
                "constraints",
                Map.of("maxLossProbability", 1)));
        String matrixKey = SessionFixtures.completed(first).getString("matrixKey");

        // when
        JsonObject result = SessionFixtures.completed(
                SessionFixtures.started(SessionFixtures.onMatrix(matrixKey, Map.of("maxLossProbability", 1))));

        // then 41 whole deals of 2M invest 82M of the 83M; the last 1M buys no deal
        double dollars = result.getJsonArray("allocation").stream()
                .mapToDouble(row -> ((JsonObject) row).getDouble("dollars"))
                .sum();
        assertThat(dollars).isCloseTo(82e6, within(1e-3));
        assertThat(result.getJsonArray("allocation").getJsonObject(0).getLong("dealCount"))
                .isEqualTo(41);
        assertThat(result.getJsonObject("uninvested").getDouble("dollars")).isCloseTo(1e6, within(1e-3));
        assertThat(result.getJsonObject("fundMetrics").getDouble("investableCapital"))
                .isCloseTo(83e6, within(1e-3));
    }

    @Test
    void fund_terms_out_of_range_are_refused_naming_the_field() {
        Map<String, Object> body = Map.of(
                "fundSize",
                50_000_000,
                "scenarioCount",
                100,
                "buckets",
                List.of(Map.of("sector", "SaaS", "stage", "Seed", "initialCheck", 1_000_000, "reserveRatio", 1)),
                "fundTerms",
                Map.of("carryRate", 1, "catchUp", 1.5));

        SessionFixtures.request(body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("fundTerms.carryRate", "fundTerms.catchUp"));
    }
}
