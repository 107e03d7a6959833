package dev.vcportfolio.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vcportfolio.core.model.Stage;
import dev.vcportfolio.core.validate.GreedyBaseline;
import dev.vcportfolio.core.validate.OutOfSample;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The greedy baseline and out-of-sample measures, and the promise that the optimizer never does worse than greedy. */
class GreedyBaselineTest {

    @Test
    void greedy_fills_the_best_buckets_up_to_the_cap() {
        // given means 3, 2, 1.5, 1 and a cap of 0.4
        var request = Fixtures.request(
                new double[][] {{3, 3}, {2, 2}, {1.5, 1.5}, {1, 1}},
                RiskLimits.none().withBucketMaxWeight(0.4));

        // when
        var greedy = GreedyBaseline.of(request).orElseThrow();

        // then buckets in matrix order (S0|Seed, S0|SeriesA, S1|Seed, S1|SeriesA hold rows 0, 2, 1, 3)
        assertThat(Arrays.stream(greedy.weights()).sum()).isCloseTo(1, within(1e-12));
        assertThat(greedy.expectedMoic()).isCloseTo(0.4 * 3 + 0.4 * 2 + 0.2 * 1.5, within(1e-9));
        assertThat(greedy.feasible()).isTrue();
    }

    @Test
    void greedy_meets_group_minimums_first_and_respects_maximums() {
        // given the best buckets in sector S0, a minimum of 0.5 on S1 and a maximum of 0.3 on stage Seed
        var request = Fixtures.request(
                new double[][] {{5, 5}, {1, 1}, {4, 4}, {2, 2}},
                RiskLimits.none()
                        .withSector("S1", new GroupBounds(0.5, 1))
                        .withStage(Stage.Seed, new GroupBounds(0, 0.3)));

        // when
        var greedy = GreedyBaseline.of(request).orElseThrow();

        // then every bound holds
        assertThat(greedy.feasible()).isTrue();
        var report = ConstraintReport.of(request, greedy.weights());
        assertThat(report).allMatch(ConstraintCheck::satisfied);
    }

    @Test
    void with_whole_deals_greedy_pours_whole_deals_and_leaves_the_rest() {
        // given deals of 2M in a 7M fund (step 2/7) with a cap of 0.6: two deals fit in a bucket, three in the fund
        var plain = Fixtures.request(
                new double[][] {{3, 3}, {2, 2}, {1, 1}}, RiskLimits.none().withBucketMaxWeight(0.6));
        var request = new OptimizationRequest(
                plain.matrix(),
                plain.buckets(),
                7_000_000,
                plain.winProbabilities(),
                plain.limits(),
                DealRules.whole(0));

        // when
        var greedy = GreedyBaseline.of(request).orElseThrow();

        // then the best bucket gets two deals, the next one, and 1/7 stays uninvested
        double step = 2.0 / 7;
        assertThat(greedy.weights()).containsExactly(new double[] {2 * step, step, 0}, within(1e-12));
        assertThat(greedy.expectedMoic()).isCloseTo(3 * 2 * step + 2 * step, within(1e-12));
    }

    @Test
    void greedy_reports_nothing_when_caps_cannot_hold_the_fund() {
        var request = Fixtures.request(
                new double[][] {{2, 2}, {1, 1}}, RiskLimits.none().withBucketMaxWeight(0.3));
        assertThat(GreedyBaseline.of(request)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void the_optimizer_is_never_below_a_feasible_greedy_baseline(long seed) {
        // given random instances with a loss limit loose enough that greedy is often feasible
        var request = Fixtures.request(
                Fixtures.random(6, 40, seed),
                RiskLimits.none().withBucketMaxWeight(0.35).withMaxLossProbability(0.6));

        // when
        var greedy = GreedyBaseline.of(request).orElseThrow();
        var optimum = Fixtures.solved(
                Fixtures.OPTIMIZER.optimize(request, SolverSettings.defaults().withRelaxInfeasible(false)));

        // then
        if (greedy.feasible()) {
            assertThat(optimum.pass1EStar()).isGreaterThanOrEqualTo(greedy.expectedMoic() * (1 - 1e-4) - 1e-9);
        }
        assertThat(optimum.pass1EStar()).isPositive();
    }

    @Test
    void out_of_sample_violations_are_measured_against_the_limits() {
        // given weights all in a bucket that loses in half the fresh scenarios, with a loss limit of 0.25
        var fresh = Fixtures.request(
                new double[][] {{0, 2, 0, 2}, {1, 1, 1, 1}},
                RiskLimits.none().withMaxLossProbability(0.25).withCvar(0.5, 0.5));

        // when
        var metrics = OutOfSample.measure(fresh, new double[] {1, 0});

        // then
        assertThat(metrics.expectedMoic()).isEqualTo(1.0);
        assertThat(metrics.lossProbability()).isEqualTo(0.5);
        assertThat(metrics.maxLossViolation()).isEqualTo(0.25);
        assertThat(metrics.cvar()).isCloseTo(1.0, within(1e-12));
        assertThat(metrics.cvarViolation()).isCloseTo(0.5, within(1e-12));
        assertThat(metrics.feasible()).isFalse();
        assertThat(metrics.scenarios()).isEqualTo(4);
    }
}
