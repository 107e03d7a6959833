package dev.vcportfolio.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The frontier's CVaR range and its monotone points, on seeded instances. */
class EfficientFrontierTest {

    private final EfficientFrontier frontier = new EfficientFrontier(Executors.newSingleThreadExecutor());

    @Test
    void points_between_the_tightest_and_loosest_cvar_are_monotone_in_both_axes() {
        // given
        var request = Fixtures.request(
                Fixtures.random(5, 60, 11),
                RiskLimits.none().withBucketMaxWeight(0.6).withCvar(0.9, 1));
        var settings = SolverSettings.defaults();

        // when
        var range = frontier.range(request, settings, Fixtures.budget(settings)).orElseThrow();
        var points = new ArrayList<EfficientFrontier.Point>();
        for (double limit : range.limits(5)) {
            points.add(new EfficientFrontier.Point(
                    limit,
                    Fixtures.solved(frontier.solve(request, range, limit, settings, Fixtures.budget(settings)))));
        }
        var kept = EfficientFrontier.monotone(points);

        // then
        assertThat(range.tightest()).isLessThan(range.loosest());
        assertThat(kept).hasSize(5);
        for (int i = 1; i < kept.size(); i++) {
            var before = kept.get(i - 1).result();
            var after = kept.get(i).result();
            assertThat(after.expectedMoic()).isGreaterThanOrEqualTo(before.expectedMoic());
            assertThat(cvar(after)).isGreaterThanOrEqualTo(cvar(before));
            assertThat(cvar(after)).isLessThanOrEqualTo(kept.get(i).cvarLimit() + 1e-6);
        }
        // no allocation reaches a CVaR below the tightest point's limit minus the rounding step
        var below = frontier.solve(request, range, range.tightest() - 1e-5, settings, Fixtures.budget(settings));
        assertThat(below).isInstanceOf(OptimizationOutcome.Infeasible.class);
    }

    // With a binding loss limit the least-CVaR MILP is hard; a node limit stops it here (as the watchdog would on a
    // larger fund). It starts from the heuristic's allocation, so the range still exists and brackets that allocation.
    @Test
    void a_range_whose_least_cvar_solve_is_stopped_still_brackets_a_feasible_allocation() {
        // given
        var request = dev.vcportfolio.bench.SyntheticPortfolio.request(
                10, 100, 5, RiskLimits.none().withBucketMaxWeight(0.15).withMaxLossProbability(0.3));
        var settings = SolverSettings.defaults().withNodeLimit(1);

        // when
        var range = frontier.range(request, settings, Fixtures.budget(settings));

        // then
        assertThat(range).isPresent();
        assertThat(range.get().tightest()).isBetween(0.0, range.get().loosest());
        var tightest = Fixtures.solved(
                frontier.solve(request, range.get(), range.get().tightest(), settings, Fixtures.budget(settings)));
        assertThat(tightest.verified()).isTrue();
    }

    @Test
    void a_looser_point_below_a_tighter_one_takes_the_tighter_answer() {
        // given two solved points where the looser limit's answer is worse (as a solver gap could leave it)
        var request =
                Fixtures.request(Fixtures.random(4, 30, 3), RiskLimits.none().withCvar(0.9, 1));
        var settings = SolverSettings.defaults();
        var range = frontier.range(request, settings, Fixtures.budget(settings)).orElseThrow();
        var tight =
                Fixtures.solved(frontier.solve(request, range, range.tightest(), settings, Fixtures.budget(settings)));
        var loose =
                Fixtures.solved(frontier.solve(request, range, range.loosest(), settings, Fixtures.budget(settings)));

        // when the looser limit is given the tight answer's worse twin
        var kept = EfficientFrontier.monotone(java.util.List.of(
                new EfficientFrontier.Point(range.loosest(), tight),
                new EfficientFrontier.Point(range.tightest(), tight),
                new EfficientFrontier.Point((range.tightest() + range.loosest()) / 2, loose)));

        // then every limit keeps the best answer that fits under it
        assertThat(kept.get(0).result()).isSameAs(tight);
        assertThat(kept.get(2).result().expectedMoic()).isGreaterThanOrEqualTo(loose.expectedMoic());
    }

    @Test
    void a_range_holds_its_own_copy_of_the_least_cvar_allocation_and_compares_by_value() {
        double[] weights = {0.25, 0.75};
        var range = new EfficientFrontier.CvarRange(0.1, 0.2, weights);

        weights[0] = 0.9;
        range.leastCvarWeights()[1] = 0.9;

        assertThat(range.leastCvarWeights()).containsExactly(0.25, 0.75);
        assertThat(range)
                .isEqualTo(new EfficientFrontier.CvarRange(0.1, 0.2, new double[] {0.25, 0.75}))
                .hasSameHashCodeAs(new EfficientFrontier.CvarRange(0.1, 0.2, new double[] {0.25, 0.75}))
                .isNotEqualTo(new EfficientFrontier.CvarRange(0.1, 0.2, new double[] {0.75, 0.25}));
        assertThat(range.toString()).contains("[0.25, 0.75]");
    }

    private static double cvar(OptimizationResult result) {
        return result.constraints().stream()
                .filter(c -> c.kind() == ConstraintKind.CVAR)
                .findFirst()
                .orElseThrow()
                .achieved();
    }
}
