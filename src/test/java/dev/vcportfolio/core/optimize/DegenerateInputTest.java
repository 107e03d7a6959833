package dev.vcportfolio.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DegenerateInputTest {

    @Test
    void one_bucket_takes_the_whole_fund() {
        // given
        var request = Fixtures.request(new double[][] {{0, 2, 3, 0.5}}, RiskLimits.none());

        // when
        var result = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, SolverSettings.defaults()));

        // then
        assertThat(result.weights()).containsExactly(1.0);
        assertThat(result.expectedMoic()).isCloseTo(1.375, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void an_all_zero_bucket_gets_only_what_the_tie_break_lock_allows() {
        // given
        var request = Fixtures.request(new double[][] {{0, 0, 0}, {2, 1, 3}}, RiskLimits.none());

        // when
        var result = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, SolverSettings.defaults()));

        // then
        // Pass 2 may give up to epsilon of E[M] for evenness: 0.001 / mean 2 = 0.0005 of weight.
        assertThat(result.weights()[0]).isLessThanOrEqualTo(0.0005 + 1e-9);
        assertThat(result.expectedMoic()).isGreaterThanOrEqualTo(result.pass1EStar() - 0.001 - 1e-9);
        assertThat(result.verified()).isTrue();
    }

    @Test
    void identical_buckets_split_evenly_in_the_tie_break_pass() {
        // given
        double[] row = {0, 3, 1.5, 2};
        var request = Fixtures.request(new double[][] {row, row, row}, RiskLimits.none());

        // when
        var result = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, SolverSettings.defaults()));

        // then
        assertThat(result.weights())
                .containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void a_cap_too_small_to_spend_the_fund_is_reported_clearly_or_relaxed_to_exactly_one_over_b() {
        // given
        var request =
                Fixtures.request(Fixtures.random(3, 10, 1), RiskLimits.none().withBucketMaxWeight(0.2));

        // when
        var strict =
                Fixtures.OPTIMIZER.optimize(request, SolverSettings.defaults().withRelaxInfeasible(false));

        // then
        assertThat(strict)
                .isInstanceOfSatisfying(
                        OptimizationOutcome.Infeasible.class,
                        i -> assertThat(i.reason()).contains("bucket cap 0.2 x 3 buckets"));
        var relaxed = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, SolverSettings.defaults()));
        assertThat(relaxed.relaxation()).singleElement().satisfies(step -> {
            assertThat(step.kind()).isEqualTo(ConstraintKind.BUCKET_CAP);
            assertThat(step.newValue()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-6));
        });
        assertThat(relaxed.verified()).isTrue();
    }

    @Test
    void a_single_scenario_is_solved_exactly() {
        // given
        var request = Fixtures.request(
                new double[][] {{0.5}, {4}, {2}}, RiskLimits.none().withBucketMaxWeight(0.5));

        // when
        var result = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, SolverSettings.defaults()));

        // then
        assertThat(result.pass1EStar()).isCloseTo(3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.pass1().status()).isEqualTo(SolveStatus.OPTIMAL);
    }

    @Test
    void identical_scenarios_merge_without_changing_the_answer() {
        // given
        double[][] values = {{0, 0, 2, 2, 5}, {1.5, 1.5, 0, 0, 1}, {1, 1, 1, 1, 1}};
        var request = Fixtures.request(
                values, RiskLimits.none().withBucketMaxWeight(0.6).withMaxLossProbability(0.4));

        // when
        var merged = Fixtures.OPTIMIZER.solvePass1(request, SolverSettings.defaults());

        // then
        var plain =
                Fixtures.OPTIMIZER.solvePass1(request, SolverSettings.defaults().withOptions(ModelOptions.TEXTBOOK));
        assertThat(Instance.of(request, true).scenarios().size()).isEqualTo(3);
        assertThat(merged.objective()).isCloseTo(plain.objective(), org.assertj.core.data.Offset.offset(1e-5));
    }
}
