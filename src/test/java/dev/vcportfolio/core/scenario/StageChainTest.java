package dev.vcportfolio.core.scenario;

import static dev.vcportfolio.core.scenario.Scenarios.binomialTolerance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vcportfolio.core.model.MoicMatrix;
import dev.vcportfolio.core.model.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Company paths walk the calibrated chain: observed round outcomes match its rates, and absorption matches analysis. */
class StageChainTest {

    private static final List<Regime> FLAT = List.of(new Regime("flat", 1, 0, 0));

    @Test
    void empirical_transition_frequencies_match_the_calibrated_chain() {
        // given
        Calibration benchmark = BenchmarkCalibration.industryBenchmarkV1();
        ScenarioSpec spec = ScenarioSpec.of(Scenarios.everyStage(4), 20_000, benchmark, Scenarios.seed(3));

        // when
        GenerationDiagnostics diagnostics = Scenarios.generate(spec).diagnostics();

        // then
        Scenarios.assertRoundsMatchChain(diagnostics, benchmark, 10_000);
    }

    @Test
    void zero_share_matches_the_analytic_failure_probability_of_a_one_stage_chain() {
        // given: no graduation, so a company exits, fails or stays until maxRounds runs out
        double exit = 0.1;
        double failure = 0.2;
        int maxRounds = 5;
        int scenarios = 50_000;
        Calibration calibration = Scenarios.calibration(
                new StageTransition(exit, 0, failure), 250, maxRounds, FLAT, 0, new ShockWeights(0.5, 0.5, 0.3));
        ScenarioSpec spec = ScenarioSpec.of(
                List.of(Scenarios.bucket("Bio", Stage.Seed, 1)), scenarios, calibration, Scenarios.seed(4));
        double stay = 1 - exit - failure;
        // P(exit) = exit * (1 + stay + ... + stay^(maxRounds - 1))
        double pExit = exit * (1 - Math.pow(stay, maxRounds)) / (1 - stay);

        // when
        ScenarioGenerationResult result = Scenarios.generate(spec);

        // then
        MoicMatrix matrix = result.matrix();
        long zeros = 0;
        for (int s = 0; s < scenarios; s++) {
            zeros += matrix.value(0, s) == 0 ? 1 : 0;
        }
        double pZero = 1 - pExit;
        assertThat((double) zeros / scenarios).isCloseTo(pZero, within(binomialTolerance(pZero, scenarios)));
        assertThat(result.buckets().getFirst().zeroShare()).isEqualTo((double) zeros / scenarios);
        double pOutOfRounds = Math.pow(stay, maxRounds);
        assertThat((double) result.diagnostics().roundLimitFailures() / scenarios)
                .isCloseTo(pOutOfRounds, within(binomialTolerance(pOutOfRounds, scenarios)));
    }

    @Test
    void a_company_still_waiting_after_max_rounds_has_failed() {
        // given: nothing ever happens but staying
        Calibration calibration =
                Scenarios.calibration(new StageTransition(0, 0, 0), 250, 3, FLAT, 0, ShockWeights.NONE);
        ScenarioSpec spec = ScenarioSpec.of(Scenarios.everyStage(2), 500, calibration, Scenarios.seed(5));

        // when
        ScenarioGenerationResult result = Scenarios.generate(spec);

        // then
        assertThat(result.matrix().values()).containsOnly(0f);
        assertThat(result.diagnostics().roundLimitFailures()).isEqualTo(4 * 2 * 500);
        assertThat(result.buckets())
                .allSatisfy(bucket -> assertThat(bucket.zeroShare()).isEqualTo(1));
    }

    @Test
    void graduating_from_series_c_is_an_exit_at_series_c() {
        // given: every company graduates every round, so all reach C and graduate from it
        Calibration calibration =
                Scenarios.calibration(new StageTransition(0, 1, 0), 1e9, 8, FLAT, 0, ShockWeights.NONE);
        ScenarioSpec spec = ScenarioSpec.of(
                List.of(Scenarios.bucket("SaaS", Stage.Seed, 1)), 20_000, calibration, Scenarios.seed(6));
        ParetoExit seriesC = ParetoExit.fit(calibration.exit(Stage.SeriesC));

        // when
        ScenarioGenerationResult result = Scenarios.generate(spec);

        // then
        float[] row = result.matrix().values();
        assertThat(result.diagnostics().exits()).isEqualTo(row.length);
        assertThat(result.diagnostics().stageRounds().get(Stage.SeriesC).graduations())
                .isEqualTo(row.length);
        long belowMedian = 0;
        for (float value : row) {
            assertThat((double) value).isGreaterThanOrEqualTo(seriesC.xmin() * (1 - 1e-6));
            belowMedian += value < calibration.exit(Stage.SeriesC).medianMoic() ? 1 : 0;
        }
        assertThat((double) belowMedian / row.length).isCloseTo(0.5, within(binomialTolerance(0.5, row.length)));
    }
}
