package dev.vcportfolio.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.bench.SyntheticPortfolio;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConvexRangesTest {

    // The benchmark's (20,250) instance with the loss limit and CVaR(0.95) binding.
    private final RiskLimits limits = RiskLimits.none()
            .withBucketMaxWeight(0.15)
            .withMaxLossProbability(0.2)
            .withCvar(0.95, 0.6448);
    private final Instance instance = Instance.of(SyntheticPortfolio.request(20, 250, 42, limits), true);
    private final double floor = 2.32;
    private static final Budget NO_LIMIT = Budget.generous();

    @Test
    void the_cvar_limit_decides_scenarios_the_floor_alone_leaves_open_and_never_loosens_a_bound() {
        // given
        var under = MoicRange.under(instance.scenarios(), 0.15, instance.mean(), floor);

        // when
        var tight = ConvexRanges.tighten(instance, floor, under, null, NO_LIMIT);

        // then
        for (int j = 0; j < instance.scenarios().size(); j++) {
            assertThat(tight.low()[j]).isGreaterThanOrEqualTo(under.low()[j]);
            assertThat(tight.high()[j]).isLessThanOrEqualTo(under.high()[j]);
        }
        assertThat(decided(tight)).isGreaterThan(decided(under) + 20);
    }

    @Test
    void every_allocation_meeting_the_floor_and_the_cvar_limit_lies_within_the_ranges() {
        // given: two allocations in the convex set and their midpoint
        var optimum = Fixtures.solved(Fixtures.OPTIMIZER.optimize(instance.request(), SolverSettings.defaults()));
        var stricter = Fixtures.solved(Fixtures.OPTIMIZER.optimize(
                instance.request().withLimits(limits.withCvar(0.95, 0.64)), SolverSettings.defaults()));
        double[] a = optimum.weights();
        double[] b = stricter.weights();
        double[] mid = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            mid[i] = (a[i] + b[i]) / 2;
        }

        // when
        var tight = ConvexRanges.tighten(
                instance, floor, MoicRange.under(instance.scenarios(), 0.15, instance.mean(), floor), null, NO_LIMIT);

        // then
        for (double[] w : new double[][] {a, b, mid}) {
            assertThat(instance.expectedMoic(w)).isGreaterThanOrEqualTo(floor);
            for (int j = 0; j < instance.scenarios().size(); j++) {
                double moic = instance.scenarios().moic(j, w);
                assertThat(moic).isBetween(tight.low()[j] - 1e-7, tight.high()[j] + 1e-7);
            }
        }
    }

    @Test
    void past_its_time_limit_it_keeps_the_bounds_it_was_given() {
        // given
        var under = MoicRange.under(instance.scenarios(), 0.15, instance.mean(), floor);

        // when
        var tight = ConvexRanges.tighten(instance, floor, under, null, Fixtures.budget(Duration.ofNanos(1)));

        // then
        assertThat(tight.low()).containsExactly(under.low());
        assertThat(tight.high()).containsExactly(under.high());
    }

    private static int decided(MoicRange range) {
        int count = 0;
        for (int j = 0; j < range.low().length; j++) {
            count += range.neverLoses(j) || range.alwaysLoses(j) ? 1 : 0;
        }
        return count;
    }
}
