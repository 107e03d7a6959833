package dev.vcportfolio.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BruteForceComparisonTest {

    // Each case has feasible grid points and a limit that binds (the grid's best without risk limits is higher):
    // two with a binding loss probability, two with a binding CVaR at 90 % (the worst 2 of 20 scenarios).
    @ParameterizedTest
    @CsvSource({"1, 0.30, 1.0", "7, 0.25, 1.0", "3, 1.0, 0.95", "5, 1.0, 0.95"})
    void optimum_is_at_least_the_best_grid_allocation_and_not_far_above_it(long seed, double loss, double cvar) {
        // given
        var capOnly = RiskLimits.none().withBucketMaxWeight(0.5);
        var limits = capOnly.withMaxLossProbability(loss).withCvar(0.9, cvar);
        var values = Fixtures.random(3, 20, seed);
        var request = Fixtures.request(values, limits);
        double grid = BruteForce.best(request, 60);
        double unlimitedGrid = BruteForce.best(Fixtures.request(values, capOnly), 60);

        // when
        var result = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, SolverSettings.defaults()));

        // then
        assertThat(grid).isGreaterThan(Double.NEGATIVE_INFINITY).isLessThan(unlimitedGrid);
        assertThat(result.pass1EStar()).isGreaterThanOrEqualTo(grid - 1e-9);
        // Weights on a 1/60 grid are at most 1/60 away from any point; E[M] moves at most max-mean * 3/60.
        double maxMean = java.util.Arrays.stream(Instance.of(request, false).mean())
                .max()
                .orElseThrow();
        assertThat(result.pass1EStar()).isLessThanOrEqualTo(grid + maxMean * 3 / 60);
        assertThat(result.verified()).isTrue();
    }
}
