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
