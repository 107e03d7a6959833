package dev.vcportfolio.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BruteForceComparisonTest {

    @ParameterizedTest
    @CsvSource({"1, 0.7, 1.0", "2, 0.7, 0.8", "3, 0.8, 1.0", "4, 0.7, 0.9"})
    void optimum_is_at_least_the_best_grid_allocation_and_not_far_above_it(long seed, double loss, double cvar) {
        // given
        var limits = RiskLimits.none()
                .withBucketMaxWeight(0.5)
                .withMaxLossProbability(loss)
                .withCvar(0.9, cvar);
        var request = Fixtures.request(Fixtures.random(3, 20, seed), limits);
        double grid = BruteForce.best(request, 60);

        // when
        var result = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, SolverSettings.defaults()));

        // then
        assertThat(grid).isGreaterThan(Double.NEGATIVE_INFINITY);
        assertThat(result.pass1EStar()).isGreaterThanOrEqualTo(grid - 1e-9);
        // Weights on a 1/60 grid are at most 1/60 away from any point; E[M] moves at most max-mean * 3/60.
        double maxMean = java.util.Arrays.stream(Instance.of(request, false).mean())
                .max()
                .orElseThrow();
        assertThat(result.pass1EStar()).isLessThanOrEqualTo(grid + maxMean * 3 / 60);
        assertThat(result.verified()).isTrue();
    }
}
