package dev.vcportfolio.session;

import static dev.vcportfolio.session.SessionFixtures.completed;
import static dev.vcportfolio.session.SessionFixtures.constraint;
import static dev.vcportfolio.session.SessionFixtures.onMatrix;
import static dev.vcportfolio.session.SessionFixtures.started;
import static dev.vcportfolio.session.SessionFixtures.upload;
import static dev.vcportfolio.session.SessionFixtures.weights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The truth cases of issue 8 on small uploaded matrices whose answers are known by hand, run through the worker. */
@QuarkusTest
class SessionTruthCasesTest {

    @Test
    void a_dominant_bucket_takes_its_cap_then_the_next_best_takes_the_rest() {
        // given A always returns 3x, B 2x, C 1.5x; cap 0.5, no risk limit binds
        String key = upload(
                List.of(new String[] {"A", "Seed"}, new String[] {"B", "Seed"}, new String[] {"C", "Seed"}),
                new double[][] {repeat(3.0, 40), repeat(2.0, 40), repeat(1.5, 40)});

        // when: epsilon 0, so pass 2 may not trade any E[M] for diversification
        JsonObject result = completed(started(exact(onMatrix(key, Map.of("bucketMaxWeight", 0.5)))));

        // then
        Map<String, Double> w = weights(result);
        assertThat(w.get("A|Seed")).isCloseTo(0.5, within(1e-9));
        assertThat(w.get("B|Seed")).isCloseTo(0.5, within(1e-9));
        assertThat(w.get("C|Seed")).isCloseTo(0.0, within(1e-9));
        assertThat(result.getDouble("expectedMoic")).isCloseTo(2.5, within(1e-6));
        assertThat(result.getDouble("pass1EStar")).isCloseTo(2.5, within(1e-6));
        // dollars and deals: 50M at 2M all-in per deal = 25 deals
        JsonObject a = (JsonObject) result.getJsonArray("allocation").stream()
                .filter(r -> ((JsonObject) r).getString("bucketKey").equals("A|Seed"))
                .findFirst()
                .orElseThrow();
        assertThat(a.getDouble("dollars")).isCloseTo(50_000_000, within(1e-2));
        assertThat(a.getLong("dealCount")).isEqualTo(25);
        // the greedy baseline is the same portfolio here, and the optimizer never does worse than it
        JsonObject validation = result.getJsonObject("validationMetrics");
        assertThat(validation.getBoolean("greedyFeasible")).isTrue();
        assertThat(validation.getDouble("greedyObjective")).isCloseTo(2.5, within(1e-9));
        assertThat(result.getDouble("expectedMoic"))
                .isGreaterThanOrEqualTo(validation.getDouble("greedyObjective") - 1e-6);
        assertThat(validation.getString("method")).isEqualTo("bootstrap");
        assertThat(validation.getInteger("scenarios")).isEqualTo(500);
        assertThat(validation.getBoolean("feasible")).isTrue();
        assertThat(result.getJsonArray("relaxationLog")).isEmpty();
        assertThat(result.getJsonObject("solverMetadata").getString("status")).isEqualTo("OPTIMAL");
        assertThat(result.getJsonObject("solverMetadata").getBoolean("verified"))
                .isTrue();
        // one budget for the request: both passes logged in order, within the configured limit (60 s)
        JsonObject budget = result.getJsonObject("solverMetadata").getJsonObject("budget");
        assertThat(budget.getLong("limitMillis")).isEqualTo(60_000);
        assertThat(budget.getLong("spentMillis")).isBetween(0L, 66_000L);
        assertThat(budget.getJsonArray("steps").stream().map(s -> ((JsonObject) s).getString("step")))
                .containsExactly("pass 1", "pass 2");

        // and what the cap costs: at 0.55 A holds 27 deals of 0.02 and B 23, E[M] 2.54, as a re-solve by the test says
        JsonObject looser = completed(started(exact(onMatrix(key, Map.of("bucketMaxWeight", 0.55)))));
        assertThat(looser.getDouble("pass1EStar")).isCloseTo(2.54, within(1e-9));
        assertThat(result.getJsonArray("sensitivity")).hasSize(1);
        JsonObject cap = result.getJsonArray("sensitivity").getJsonObject(0);
        assertThat(cap.getString("constraint")).isEqualTo("bucketCap");
        assertThat(cap.getDouble("from")).isEqualTo(0.5);
        assertThat(cap.getDouble("to")).isEqualTo(0.55);
        assertThat(cap.getDouble("step")).isEqualTo(0.05);
        assertThat(cap.getBoolean("proven")).isTrue();
        assertThat(cap.getDouble("expectedMultiple")).isCloseTo(looser.getDouble("pass1EStar"), within(1e-9));
        assertThat(cap.getDouble("expectedMultipleGain"))
                .isCloseTo(looser.getDouble("pass1EStar") - result.getDouble("pass1EStar"), within(1e-9));
        assertThat(looser.getJsonArray("sensitivity").getJsonObject(0).getDouble("to"))
                .isEqualTo(0.6);
        // the fund terms it ran with come back whole, defaults filled in, for comparing plans
        assertThat(result.getJsonObject("fundTerms").getDouble("carryRate")).isEqualTo(0.2);
        assertThat(result.getJsonObject("fundTerms").getDouble("managementFeeRate"))
                .isEqualTo(0.02);
    }

    @Test
    void a_binding_loss_limit_is_met_with_exactly_its_count_of_losing_scenarios() {
        // given A: 0, 0, 0.5, 0.5 then six 4x (mean 2.5, loses 40 % alone); B always 1.2x.
        // With a share w in A the 0-scenarios lose once w > 1/6 and the 0.5-scenarios once w > 2/7, so a 20 % limit
        // allows w up to 2/7: two losing scenarios of ten, exactly the limit.
        double[] a = {0, 0, 0.5, 0.5, 4, 4, 4, 4, 4, 4};
        String key = upload(
                List.of(new String[] {"A", "Seed"}, new String[] {"B", "Seed"}), new double[][] {a, repeat(1.2, 10)});

        // when
        JsonObject unconstrained = completed(started(exact(onMatrix(key, Map.of()))));
        JsonObject limited =
                completed(started(exact(onMatrix(key, Map.of("maxLossProbability", 0.2, "wholeDeals", false)))));
        JsonObject inDeals = completed(started(exact(onMatrix(key, Map.of("maxLossProbability", 0.2)))));

        // then the unconstrained optimum violates the limit
        assertThat(weights(unconstrained).get("A|Seed")).isCloseTo(1.0, within(1e-9));
        assertThat(constraint(unconstrained, "lossProbability").getDouble("achieved"))
                .isEqualTo(0.4);
        // and the limited answer sits exactly on it
        JsonObject loss = constraint(limited, "lossProbability");
        assertThat(loss.getDouble("achieved")).isEqualTo(0.2);
        assertThat(loss.getBoolean("satisfied")).isTrue();
        assertThat(loss.getBoolean("binding")).isTrue();
        assertThat(weights(limited).get("A|Seed")).isCloseTo(2.0 / 7, within(1e-5));
        assertThat(limited.getJsonObject("riskMetrics").getDouble("lossProbability"))
                .isEqualTo(0.2);
        // in whole deals of 2M out of 100M (0.02 each) A gets the most below 2/7: 14 deals, B the other 36
        assertThat(deals(inDeals)).containsExactly(Map.entry("A|Seed", 14L), Map.entry("B|Seed", 36L));
        assertThat(weights(inDeals).get("A|Seed")).isEqualTo(14 * 0.02);
        assertThat(constraint(inDeals, "lossProbability").getDouble("achieved")).isEqualTo(0.2);
        assertThat(inDeals.getJsonObject("uninvested").getDouble("dollars")).isZero();
    }

    static Map<String, Long> deals(JsonObject result) {
        var out = new java.util.LinkedHashMap<String, Long>();
        result.getJsonArray("allocation").forEach(row -> {
            var r = (JsonObject) row;
            out.put(r.getString("bucketKey"), r.getLong("dealCount"));
        });
        return out;
    }

    @Test
    void an_impossible_winners_minimum_is_relaxed_first_and_logged() {
        // given two buckets with few 10x outcomes and a winners floor no allocation can reach
        double[] a = {12, 0, 0, 0, 2, 2, 2, 2, 2, 2};
        double[] b = {1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 15};
        String key = upload(List.of(new String[] {"A", "Seed"}, new String[] {"B", "SeriesA"}), new double[][] {a, b});

        // when
        JsonObject result =
                completed(started(onMatrix(key, Map.of("minExpectedWinners", 1000, "maxLossProbability", 0.5))));

        // then the winners floor was lowered (the first to give way), and only it
        var log = result.getJsonArray("relaxationLog");
        assertThat(log).hasSize(1);
        JsonObject step = log.getJsonObject(0);
        assertThat(step.getString("constraint")).isEqualTo("expectedWinners");
        assertThat(step.getString("direction")).isEqualTo("lowered");
        assertThat(step.getDouble("oldValue")).isEqualTo(1000.0);
        assertThat(step.getDouble("newValue")).isLessThan(1000.0);
        assertThat(step.getString("message")).contains("expected number of 10x winners", "lowered");
        // and the answer meets the relaxed problem: every report row satisfied, winners flagged relaxed and binding
        for (Object row : result.getJsonArray("constraintReport")) {
            assertThat(((JsonObject) row).getBoolean("satisfied")).as("%s", row).isTrue();
        }
        JsonObject winners = constraint(result, "expectedWinners");
        assertThat(winners.getBoolean("relaxed")).isTrue();
        assertThat(winners.getDouble("required")).isEqualTo(step.getDouble("newValue"));
        assertThat(winners.getDouble("achieved")).isGreaterThanOrEqualTo(step.getDouble("newValue") - 1e-6);
    }

    @Test
    void the_same_request_twice_gives_the_same_allocation_bit_for_bit() {
        // given a matrix with real trade-offs
        String key = upload(
                List.of(new String[] {"A", "Seed"}, new String[] {"B", "Seed"}, new String[] {"C", "SeriesA"}),
                new double[][] {
                    {0, 0.3, 5, 2, 0, 7, 1, 0.2, 3, 0},
                    {1.1, 0.9, 1.5, 1.2, 0.8, 1.4, 1.3, 1.0, 1.1, 0.95},
                    {0, 2, 0, 3, 1.5, 0, 0, 9, 0, 1}
                });
        Map<String, Object> constraints = Map.of("maxLossProbability", 0.3, "bucketMaxWeight", 0.7, "cvarLimit", 0.5);

        // when
        JsonObject first = completed(started(onMatrix(key, constraints)));
        JsonObject second = completed(started(onMatrix(key, constraints)));

        // then
        assertThat(second.getJsonArray("allocation")).isEqualTo(first.getJsonArray("allocation"));
        assertThat(Double.doubleToRawLongBits(second.getDouble("pass1EStar")))
                .isEqualTo(Double.doubleToRawLongBits(first.getDouble("pass1EStar")));
        assertThat(second.getJsonObject("validationMetrics")).isEqualTo(first.getJsonObject("validationMetrics"));
    }

    @Test
    void pass_two_diversifies_within_epsilon_of_the_optimum() {
        // given the dominant-bucket matrix with the default epsilon 0.001
        String key = upload(
                List.of(new String[] {"A", "SeriesB"}, new String[] {"B", "SeriesB"}, new String[] {"C", "SeriesB"}),
                new double[][] {repeat(3.0, 20), repeat(2.0, 20), repeat(1.5, 20)});

        // when
        JsonObject result = completed(started(onMatrix(key, Map.of("bucketMaxWeight", 0.5, "wholeDeals", false))));
        JsonObject inDeals = completed(started(onMatrix(key, Map.of("bucketMaxWeight", 0.5))));

        // then in whole deals (0.02 of the fund each) any move costs at least 0.02 * 1.5 > epsilon: none is made
        assertThat(inDeals.getDouble("expectedMoic")).isEqualTo(inDeals.getDouble("pass1EStar"));
        assertThat(deals(inDeals)).containsEntry("A|SeriesB", 25L).containsEntry("B|SeriesB", 25L);
        // and with free shares pass 2 gave up at most epsilon of E* to move toward equal weights
        assertThat(result.getDouble("primaryLockEpsilon")).isEqualTo(0.001);
        assertThat(result.getDouble("expectedMoic"))
                .isGreaterThanOrEqualTo(result.getDouble("pass1EStar") - 0.001 - 1e-9)
                .isLessThan(result.getDouble("pass1EStar"));
        assertThat(weights(result).get("C|SeriesB")).isGreaterThan(0);
    }

    static Map<String, Object> exact(Map<String, Object> body) {
        var copy = new java.util.LinkedHashMap<>(body);
        copy.put("epsilon", 0);
        return copy;
    }

    static double[] repeat(double value, int count) {
        double[] row = new double[count];
        java.util.Arrays.fill(row, value);
        return row;
    }
}
