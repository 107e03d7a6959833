package dev.vcportfolio.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.google.ortools.linearsolver.MPSolver;
import dev.vcportfolio.bench.SyntheticPortfolio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProofLadderTest {

    // The loss limit binds (E* 2.7682 against 2.8809 at 25 %) and the heuristic's answer is not optimal, so the
    // ladder climbs and then proves: about 180 nodes.
    private final OptimizationRequest request = SyntheticPortfolio.request(
            10, 100, 7, RiskLimits.none().withBucketMaxWeight(0.2).withMaxLossProbability(0.2));
    private final Instance instance = Instance.of(request, true);
    private final SolverSettings ladder = SolverSettings.defaults();
    private final SolverSettings optimizing = SolverSettings.defaults()
            .withOptions(ModelOptions.TUNED.withProofLadder(false))
            .withRelativeGap(1e-7);

    // Without CVaR, and with CVaR(0.9) at most 0.64 (E* 2.7190): the steps then carry only some CVaR rows and must
    // ask again when an allocation's tail goes over the limit.
    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.64})
    void pass_one_by_proofs_is_within_the_gap_of_an_optimizing_solve_and_its_bound_holds(double cvarLimit) {
        // given
        var request = this.request.withLimits(this.request.limits().withCvar(0.9, cvarLimit));
        double optimum = Fixtures.OPTIMIZER.solvePass1(request, optimizing).objective();

        // when
        var proved = Fixtures.OPTIMIZER.solvePass1(request, ladder);

        // then
        assertThat(proved.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(proved.nodes()).isPositive();
        assertThat(proved.gap()).isLessThanOrEqualTo(SolverSettings.DEFAULT_GAP + 1e-12);
        // The bound is a proof about every allocation: the optimizing solve's answer may not beat it.
        assertThat(proved.bound()).isGreaterThanOrEqualTo(optimum - 1e-9);
        assertThat(proved.objective()).isLessThanOrEqualTo(optimum + 1e-9);
        assertThat(proved.objective()).isGreaterThanOrEqualTo(optimum * (1 - SolverSettings.DEFAULT_GAP));
        var result = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, ladder));
        assertThat(result.verified()).isTrue();
    }

    @Test
    void a_step_above_the_optimum_is_infeasible_and_one_below_it_finds_an_allocation_that_reaches_it() {
        // given
        double optimum = Fixtures.OPTIMIZER.solvePass1(request, optimizing).objective();

        // when
        var above = step(new Goal.FewestLosses(optimum * 1.001, Double.POSITIVE_INFINITY));
        var below = step(new Goal.FewestLosses(optimum * 0.999, Double.POSITIVE_INFINITY));

        // then
        assertThat(above.stats().status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(below.stats().status().hasAnswer()).isTrue();
        var found = PrimalHeuristic.Answer.checked(instance, below.weights());
        assertThat(found).isNotNull();
        assertThat(found.expectedMoic()).isGreaterThanOrEqualTo(optimum * 0.999 - 1e-7);
    }

    @Test
    void pass_two_by_proofs_is_within_the_gap_of_the_optimizing_milp_for_the_same_lock() {
        // given
        var pass1 = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, ladder));
        double lock = pass1.pass1EStar() - SolverSettings.DEFAULT_LOCK_EPSILON;
        var start = PrimalHeuristic.Answer.checked(instance, pass1.weights());
        double least;
        try (var model =
                MilpModel.build(instance, optimizing.options(), Backend.SCIP, new Goal.MinDeviation(lock), lock)) {
            model.hint(start.weights(), start.losing());
            least = MilpSolve.run(model, Backend.SCIP, Fixtures.budget(optimizing), 1e-7)
                    .stats()
                    .objective();
        }

        // when
        var outcome = ProofLadder.leastDeviation(
                instance, lock, start, ladder, SolverSettings.DEFAULT_GAP, Fixtures.budget(ladder));

        // then
        var answer = ((ProofLadder.Outcome.Settled) outcome).answer();
        assertThat(answer.stats().status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(answer.stats().objective()).isEqualTo(LeastDeviation.of(answer.weights()), offset(1e-12));
        assertThat(answer.stats().bound()).isLessThanOrEqualTo(least + 1e-9);
        assertThat(answer.stats().objective()).isLessThanOrEqualTo(least * (1 + SolverSettings.DEFAULT_GAP) + 1e-9);
        assertThat(instance.expectedMoic(answer.weights())).isGreaterThanOrEqualTo(lock - 1e-7);
        assertThat(PrimalHeuristic.Answer.checked(instance, answer.weights())).isNotNull();
    }

    @Test
    void without_a_gap_to_prove_the_ladder_hands_over_to_the_optimizing_milp() {
        // given
        var start = PrimalHeuristic.find(instance).orElseThrow();

        // when
        var outcome = ProofLadder.maximize(instance, start, ladder.withRelativeGap(0), 0, Fixtures.budget(ladder));

        // then
        assertThat(outcome).isInstanceOf(ProofLadder.Outcome.Stalled.class);
        var whole = Fixtures.OPTIMIZER.solvePass1(request, ladder.withRelativeGap(0));
        assertThat(whole.status()).isEqualTo(SolveStatus.OPTIMAL);
        double optimum = Fixtures.OPTIMIZER.solvePass1(request, optimizing).objective();
        assertThat(whole.objective()).isEqualTo(optimum, offset(1e-6));
    }

    @Test
    void a_ladder_stopped_by_its_node_limit_keeps_a_checked_allocation_and_a_valid_bound() {
        // given
        double optimum = Fixtures.OPTIMIZER.solvePass1(request, optimizing).objective();

        // when
        var stopped = Fixtures.OPTIMIZER.solvePass1(request, ladder.withNodeLimit(3));

        // then
        assertThat(stopped.status()).isEqualTo(SolveStatus.LIMIT_REACHED);
        assertThat(stopped.bound()).isGreaterThanOrEqualTo(optimum - 1e-9);
        assertThat(stopped.objective()).isLessThanOrEqualTo(optimum + 1e-9);
        var result = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, ladder.withNodeLimit(3)));
        assertThat(result.verified()).isTrue();
    }

    @Test
    void the_ladder_gives_the_same_bits_every_run() {
        // when
        var first = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, ladder));
        var second = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, ladder));

        // then
        assertThat(second.weights()).isEqualTo(first.weights());
        assertThat(second.pass1EStar()).isEqualTo(first.pass1EStar());
        assertThat(second.pass1().nodes()).isEqualTo(first.pass1().nodes());
        assertThat(second.pass2().nodes()).isEqualTo(first.pass2().nodes());
    }

    @Test
    void the_bundled_scip_takes_every_proof_parameter() {
        // given
        OrTools.load();
        var solver = MPSolver.createSolver(Backend.SCIP.orToolsId());

        // when
        boolean accepted = solver.setSolverSpecificParametersAsString(ProofParameters.SCIP);

        // then
        solver.delete();
        assertThat(accepted).isTrue();
    }

    private MilpAnswer step(Goal.FewestLosses question) {
        try (var model = MilpModel.build(instance, ladder.options(), Backend.SCIP, question, Double.NaN)) {
            return MilpSolve.run(model, Backend.SCIP, Fixtures.budget(ladder), SolverSettings.DEFAULT_GAP);
        }
    }
}
