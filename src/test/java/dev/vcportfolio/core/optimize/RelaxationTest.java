package dev.vcportfolio.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelaxationTest {

    private final double[][] values = Fixtures.random(4, 40, 21);

    @Test
    void winners_are_relaxed_before_loss_probability_and_each_by_the_least_amount() {
        // given: both limits unreachable together; winners are the first to give
        var best = Fixtures.solved(Fixtures.OPTIMIZER.optimize(
                Fixtures.request(values, RiskLimits.none().withBucketMaxWeight(0.5)), SolverSettings.defaults()));
        var limits = RiskLimits.none().withMaxLossProbability(0.0).withMinExpectedWinners(1e6);
        var request = Fixtures.request(values, limits);

        // when
        var result = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, SolverSettings.defaults()));

        // then
        assertThat(best.verified()).isTrue();
        assertThat(result.relaxation())
                .extracting(RelaxationStep::kind)
                .containsExactly(ConstraintKind.EXPECTED_WINNERS, ConstraintKind.LOSS_PROBABILITY);
        var winners = result.relaxation().get(0);
        var loss = result.relaxation().get(1);
        assertThat(winners.direction()).isEqualTo("lowered");
        assertThat(loss.direction()).isEqualTo("raised");
        assertThat(result.relaxation()).allMatch(RelaxationStep::provenLeast);
        assertThat(result.verified()).isTrue();
        assertThat(result.constraints()).filteredOn(ConstraintCheck::relaxed).hasSize(2);

        var strict = SolverSettings.defaults().withRelaxInfeasible(false);
        // one step less on the loss probability (others as relaxed) is infeasible
        var tighterLoss = result.appliedLimits().withMaxLossProbability(loss.newValue() - 1e-6);
        assertThat(Fixtures.OPTIMIZER.optimize(request.withLimits(tighterLoss), strict))
                .isInstanceOf(OptimizationOutcome.Infeasible.class);
        // one step less on winners is infeasible
        var tighterWinners = result.appliedLimits().withMinExpectedWinners(winners.newValue() + 1e-6);
        assertThat(Fixtures.OPTIMIZER.optimize(request.withLimits(tighterWinners), strict))
                .isInstanceOf(OptimizationOutcome.Infeasible.class);
    }

    // With a binding loss limit every least move is a hard MILP; here a node limit stops each one (as the watchdog
    // would on a larger fund) before it proves anything. Each starts from an allocation known to meet the limits
    // decided so far, so the relaxation still ends with feasible moves, says they may not be least, and pass 1 starts
    // from one.
    @Test
    void least_moves_stopped_by_a_limit_still_relax_and_say_they_may_not_be_least() {
        // given
        var limits = RiskLimits.none()
                .withBucketMaxWeight(0.15)
                .withMaxLossProbability(0.2)
                .withMinExpectedWinners(100);
        var request = dev.vcportfolio.bench.SyntheticPortfolio.request(10, 100, 5, limits);
        var settings = SolverSettings.defaults().withNodeLimit(1);

        // when
        var result = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, settings));

        // then
        assertThat(result.relaxation())
                .extracting(RelaxationStep::kind, RelaxationStep::provenLeast)
                .contains(org.assertj.core.groups.Tuple.tuple(ConstraintKind.EXPECTED_WINNERS, false));
        assertThat(result.appliedLimits().minExpectedWinners()).isBetween(0.5, 100.0);
        assertThat(result.verified()).isTrue();
        assertThat(result.constraints()).allMatch(ConstraintCheck::satisfied);
    }

    // Winners out of reach, no loss limit to speak of: every least move is one LP (GLOP), and it agrees with the MILP.
    @Test
    void least_moves_the_loss_limit_does_not_bind_are_solved_by_one_lp() {
        // given
        var limits = RiskLimits.none()
                .withBucketMaxWeight(0.5)
                .withMaxLossProbability(0.9)
                .withCvar(0.95, 0.9)
                .withMinExpectedWinners(1e6);
        var request = Fixtures.request(values, limits);
        var race = new BackendRace(Runnable::run);
        var lpFirst = SolverSettings.defaults();
        var milpOnly = SolverSettings.defaults().withOptions(ModelOptions.TUNED.withWarmStart(false));
        // each least move as the relaxation asks it: the less important limits at their loosest
        var asked = java.util.Map.of(
                ConstraintKind.EXPECTED_WINNERS, limits,
                ConstraintKind.BUCKET_CAP, limits.withMinExpectedWinners(0),
                ConstraintKind.CVAR, limits.withMinExpectedWinners(0).withBucketMaxWeight(1));

        for (var entry : asked.entrySet()) {
            // when
            var instance = Instance.of(request.withLimits(entry.getValue()), true);
            var goal = new Goal.LeastMove(entry.getKey(), "");
            var byLp = race.run(instance, goal, lpFirst, 1e-9, null, Fixtures.budget(lpFirst))
                    .chosen()
                    .stats();
            var byMilp = race.run(instance, goal, milpOnly, 1e-9, null, Fixtures.budget(milpOnly))
                    .chosen()
                    .stats();

            // then
            var kind = entry.getKey().name();
            assertThat(byLp.backend()).as(kind).isEqualTo(Backend.GLOP);
            assertThat(byLp.nodes()).as(kind).isZero();
            assertThat(byMilp.backend()).as(kind).isEqualTo(Backend.SCIP);
            assertThat(byMilp.status()).as(kind).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(byLp.objective())
                    .as(kind)
                    .isCloseTo(byMilp.objective(), org.assertj.core.data.Offset.offset(1e-7));
        }
        // and the whole relaxation gives the same limits either way
        var relaxedByLp = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, lpFirst));
        var relaxedByMilp = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, milpOnly));
        assertThat(relaxedByLp.relaxation()).isEqualTo(relaxedByMilp.relaxation());
        assertThat(relaxedByLp.relaxation()).isNotEmpty();
        assertThat(relaxedByLp.verified()).isTrue();
    }

    @Test
    void a_feasible_request_is_not_relaxed_and_without_relaxation_an_infeasible_one_says_so() {
        // given
        var request = Fixtures.request(values, RiskLimits.none().withMinExpectedWinners(1e6));

        // when
        var outcome =
                Fixtures.OPTIMIZER.optimize(request, SolverSettings.defaults().withRelaxInfeasible(false));

        // then
        assertThat(outcome).isInstanceOf(OptimizationOutcome.Infeasible.class);
    }
}
