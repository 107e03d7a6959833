package dev.vcportfolio.core.scenario;

import static dev.vcportfolio.core.scenario.Scenarios.binomialTolerance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.CashflowMatrix;
import dev.vcportfolio.core.model.Stage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Statistical truths of the round-by-round model, each checked with a 4-sigma binomial band for its sample size: the
 * laws reproduce their calibrated medians and P90s, round outcomes match the chain, and cash flows add up.
 */
class RoundByRoundStatisticsTest {

    private static final int DRAWS = 40_000;

    @ParameterizedTest(name = "median {0}, p90 {1}")
    @CsvSource({"2, 4.5", "1.5, 1.6", "3, 12", "0.8, 0.8"})
    void lognormal_draws_reproduce_their_median_and_p90(double median, double p90) {
        // given
        LognormalLaw law = new LognormalLaw(median, p90);
        SplitMix64 random = new SplitMix64(11);

        // when the generator's draws are taken
        long belowMedian = 0;
        long belowP90 = 0;
        for (int i = 0; i < DRAWS; i++) {
            double x = law.quantile(random.nextDouble());
            belowMedian += x < median ? 1 : 0;
            belowP90 += x < p90 ? 1 : 0;
        }

        // then (a fixed law never falls below its value)
        double atMedian = median == p90 ? 0 : 0.5;
        double atP90 = median == p90 ? 0 : 0.9;
        assertThat((double) belowMedian / DRAWS).isCloseTo(atMedian, within(binomialTolerance(0.5, DRAWS)));
        assertThat((double) belowP90 / DRAWS).isCloseTo(atP90, within(binomialTolerance(0.9, DRAWS)));
    }

    @Test
    void the_normal_quantile_matches_known_values() {
        assertThat(NormalQuantile.of(0.5)).isCloseTo(0, within(1e-12));
        assertThat(NormalQuantile.of(0.9)).isCloseTo(LognormalLaw.Z90, within(2e-9));
        assertThat(NormalQuantile.of(0.975)).isCloseTo(1.959963984540054, within(2e-9));
        assertThat(NormalQuantile.of(0.001)).isCloseTo(-3.090232306167813, within(1e-8));
        assertThat(NormalQuantile.of(0)).isFinite().isLessThan(-8);
    }

    @Test
    void exit_multiples_reproduce_the_calibrated_median_and_p90() {
        // given one deal a cell exiting in its first round, no reserve, no shocks: the cell is the exit multiple X
        Calibration exitAtOnce = Rounds.chain(Map.of(Stage.SeriesA, new StageTransition(1, 0, 0)));
        StrategyRow row = new StrategyRow(
                new BucketSpec("Bio", Stage.SeriesA, 1_000_000, 0), "", 1, 5_000_000, FollowOnPolicy.PRO_RATA);
        RoundSpec spec = Rounds.spec(List.of(row), DRAWS, exitAtOnce, Rounds.fixedDynamics(1, 2, 0.2));
        ExitOutcome law = exitAtOnce.exit(Stage.SeriesA);

        // when
        float[] cells = Rounds.generate(spec).moic().values();

        // then
        long belowMedian = 0;
        long belowP90 = 0;
        for (float x : cells) {
            belowMedian += x < law.medianMoic() ? 1 : 0;
            belowP90 += x < law.p90Moic() ? 1 : 0;
        }
        assertThat((double) belowMedian / DRAWS).isCloseTo(0.5, within(binomialTolerance(0.5, DRAWS)));
        assertThat((double) belowP90 / DRAWS).isCloseTo(0.9, within(binomialTolerance(0.9, DRAWS)));
    }

    @Test
    void round_outcomes_match_the_calibrated_chain() {
        // given the benchmark chain, random durations and step-ups, deals at every stage
        Calibration benchmark = BenchmarkCalibration.industryBenchmarkV1();
        RoundSpec spec = Rounds.spec(everyStage(), 8_000, benchmark, randomDynamics());

        // when
        GenerationDiagnostics diagnostics = Rounds.generate(spec).diagnostics();

        // then
        Scenarios.assertRoundsMatchChain(diagnostics, benchmark, 5_000);
    }

    @Test
    void each_cells_flows_and_nav_add_up_to_its_moic_minus_one() {
        // given
        RoundSpec spec = Rounds.spec(everyStage(), 3_000, BenchmarkCalibration.industryBenchmarkV1(), randomDynamics());

        // when
        RoundGenerationResult result = Rounds.generate(spec);

        // then
        CashflowMatrix flows = result.cashflows();
        for (int r = 0; r < flows.rowCount(); r++) {
            for (int s = 0; s < flows.scenarioCount(); s++) {
                double sum = 0;
                double size = 1;
                for (int y = 0; y < flows.yearCount(); y++) {
                    float value = flows.value(r, s, y);
                    assertThat(Float.isFinite(value)).isTrue();
                    sum += value;
                    size += Math.abs(value);
                }
                double moic = result.moic().value(r, s);
                assertThat(moic).isFinite().isGreaterThanOrEqualTo(0);
                assertThat(sum).isCloseTo(moic - 1, within(1e-6 * size));
            }
        }
    }

    static List<StrategyRow> everyStage() {
        return List.of(
                stageRow(Stage.Seed, 1.0, 8, FollowOnPolicy.PRO_RATA),
                stageRow(Stage.SeriesA, 0.5, 5, new FollowOnPolicy(FollowOnMode.fixed, 0.3, 0.7, 2)),
                stageRow(Stage.SeriesB, 0.8, 3, FollowOnPolicy.PRO_RATA),
                stageRow(Stage.SeriesC, 0, 2, FollowOnPolicy.PRO_RATA));
    }

    static StrategyRow stageRow(Stage stage, double reserveRatio, int deals, FollowOnPolicy policy) {
        return new StrategyRow(new BucketSpec("SaaS", stage, 1_000_000, reserveRatio), "", deals, 8_000_000, policy);
    }

    /** Durations, step-ups and dilutions that vary by stage and draw. */
    static RoundDynamics randomDynamics() {
        Map<Stage, StageDynamics> byStage = new EnumMap<>(Stage.class);
        byStage.put(Stage.Seed, new StageDynamics(new LognormalLaw(1.8, 3.5), LognormalLaw.fixed(1), 0, 12e6));
        byStage.put(Stage.SeriesA, new StageDynamics(new LognormalLaw(2.0, 3.8), new LognormalLaw(2.5, 5), 0.2, 40e6));
        byStage.put(Stage.SeriesB, new StageDynamics(new LognormalLaw(2.2, 4.0), new LognormalLaw(2.2, 4), 0.15, 1e8));
        byStage.put(Stage.SeriesC, new StageDynamics(new LognormalLaw(2.4, 4.5), new LognormalLaw(1.8, 3), 0.12, 3e8));
        return new RoundDynamics(byStage);
    }
}
