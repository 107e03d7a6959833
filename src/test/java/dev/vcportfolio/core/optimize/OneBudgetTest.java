package dev.vcportfolio.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.bench.SyntheticPortfolio;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One deadline per request: relaxation, both passes and every frontier point share it, and it is overrun by at most a
 * tenth. Time here is a count of clock reads ({@link TickingClock}), so the tests are exact, whatever the machine.
 */
class OneBudgetTest {

    private static final Duration TICK = Duration.ofMillis(1);

    // Winners out of reach with the loss limit binding: the relaxation moves a limit with a least-move MILP, then
    // both passes run on the relaxed limits.
    private final OptimizationRequest relaxed = SyntheticPortfolio.request(
            10,
            100,
            5,
            RiskLimits.none()
                    .withBucketMaxWeight(0.15)
                    .withMaxLossProbability(0.2)
                    .withMinExpectedWinners(100));

    @Test
    void relaxation_and_both_passes_share_one_deadline() {
        // given: what the request takes with time to spare, in clock reads
        var unhurried = solveTicking(relaxed, Duration.ofDays(1));
        var limit = unhurried.spent().dividedBy(2);

        // when: half of that
        var hurried = solveTicking(relaxed, limit);

        // then: the whole request (not each step) stopped within a tenth over the limit, with the steps in order
        assertThat(unhurried.result().budget().steps())
                .extracting(Budget.Step::step)
                .contains("pass 1, relaxed limits", "pass 2")
                .anyMatch(step -> step.startsWith("relaxation "));
        assertThat(hurried.spent()).isLessThanOrEqualTo(limit.plus(limit.dividedBy(10)));
        var use = hurried.result().budget();
        assertThat(use.limitMillis()).isEqualTo(limit.toMillis());
        assertThat(use.spentMillis()).isLessThanOrEqualTo(limit.toMillis() * 11 / 10);
        assertThat(use.steps().stream().mapToLong(Budget.Step::millis).sum()).isLessThanOrEqualTo(use.spentMillis());
        assertThat(use.steps().getLast().step()).isEqualTo("pass 2");
        assertThat(hurried.result().verified()).isTrue();
    }

    @Test
    void the_range_and_every_frontier_point_share_one_deadline() {
        // given: the frontier of a request with a binding loss limit, first with time to spare
        var request = PrimalHeuristicTest.Instances.binding(10, 100, 5, 1);
        int points = 4;
        var unhurried = frontierTicking(request, Duration.ofDays(1), points);
        var limit = unhurried.dividedBy(2);

        // when
        var hurried = frontierTicking(request, limit, points);

        // then
        assertThat(hurried).isLessThanOrEqualTo(limit.plus(limit.dividedBy(10)));
    }

    /**
     * A request on a 10 s budget that needs far more (the benchmark's (40,1000) with its binding loss limit: about
     * 30 s). 10 s rather than less: building a model cannot be interrupted, and on a 2-core machine at load 8 to 10 the
     * builds after the deadline (pass 2's LPs, a stopped ladder's bound) took up to 0.9 s at this size, more than a
     * tenth of 4 s.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a generous bound on the test; the budget is asserted below
    void a_hard_request_stops_at_its_time_limit_and_reports_its_spending() {
        // given
        var limits = RiskLimits.none().withBucketMaxWeight(0.075).withMaxLossProbability(263 / 1000.0);
        var request = SyntheticPortfolio.request(40, 1000, 42, limits);
        var settings = SolverSettings.defaults().withTimeLimit(Duration.ofSeconds(10));

        // when
        var result = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, settings));

        // then
        var use = result.budget();
        assertThat(use.limitMillis()).isEqualTo(10_000);
        assertThat(use.spentMillis()).isLessThanOrEqualTo(11_000);
        assertThat(use.steps()).extracting(Budget.Step::step).containsExactly("pass 1", "pass 2");
        assertThat(result.status()).isEqualTo(SolveStatus.LIMIT_REACHED);
        assertThat(result.verified()).isTrue();
    }

    private record Ticked(OptimizationResult result, Duration spent) {}

    private static Ticked solveTicking(OptimizationRequest request, Duration limit) {
        var clock = new TickingClock(TICK);
        var optimizer = new PortfolioOptimizer(Executors.newSingleThreadExecutor(), clock);
        var settings = SolverSettings.defaults().withTimeLimit(limit);
        var start = clock.elapsed();
        var result = Fixtures.solved(optimizer.optimize(request, settings));
        return new Ticked(result, clock.elapsed().minus(start));
    }

    /** Time the whole frontier took on a ticking clock: its range and its points, one after another. */
    private static Duration frontierTicking(OptimizationRequest request, Duration limit, int points) {
        var clock = new TickingClock(TICK);
        var frontier = new EfficientFrontier(Executors.newSingleThreadExecutor(), clock);
        var settings = SolverSettings.defaults().withTimeLimit(limit);
        var start = clock.elapsed();
        var budget = settings.budget(clock);
        var forRange = budget.share(1.0 / 3).split(3);
        var range = frontier.range(request, settings, forRange).orElseThrow();
        var perPoint = budget.lessNodes(forRange.nodes()).split(points);
        for (double cvar : range.limits(points)) {
            frontier.solve(request, range, cvar, settings, perPoint);
        }
        return clock.elapsed().minus(start);
    }
}
