package dev.vcportfolio.core.scenario;

import static dev.vcportfolio.core.scenario.Scenarios.binomialTolerance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vcportfolio.core.model.MoicMatrix;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scenarios fall into regimes by their probabilities, and a regime is shared by every bucket of a scenario. */
class RegimeTest {

    @Test
    void regime_frequencies_match_their_probabilities() {
        // given
        Calibration benchmark = BenchmarkCalibration.industryBenchmarkV1();
        int scenarios = 40_000;
        ScenarioSpec spec = ScenarioSpec.of(Scenarios.everyStage(1), scenarios, benchmark, Scenarios.seed(7));

        // when
        Map<String, Long> counts = Scenarios.generate(spec).diagnostics().regimeScenarios();

        // then
        assertThat(counts.keySet()).containsExactly("boom", "base", "recession");
        for (Regime regime : benchmark.regimes()) {
            double p = regime.probability();
            assertThat((double) counts.get(regime.name()) / scenarios)
                    .as(regime.name())
                    .isCloseTo(p, within(binomialTolerance(p, scenarios)));
        }
    }

    @Test
    void the_regime_moves_all_buckets_of_a_scenario_together() {
        // given: only the regime links buckets; without it their rows are independent
        int scenarios = 20_000;
        List<Regime> swings = List.of(new Regime("boom", 0.5, 0.8, 1), new Regime("bust", 0.5, -1, -0.8));
        ScenarioSpec linked = ScenarioSpec.of(
                Scenarios.everyStage(16),
                scenarios,
                Scenarios.immediateExit(250, swings, 0.5, ShockWeights.NONE),
                Scenarios.seed(8));
        ScenarioSpec unlinked = ScenarioSpec.of(
                Scenarios.everyStage(16),
                scenarios,
                Scenarios.immediateExit(250, swings, 0, ShockWeights.NONE),
                Scenarios.seed(8));

        // when
        MoicMatrix withRegimes = Scenarios.generate(linked).matrix();
        MoicMatrix withoutRegimes = Scenarios.generate(unlinked).matrix();

        // then
        // 4 sigma of a sample correlation of independent rows is 4 / sqrt(n) ~ 0.03
        double noise = 4 / Math.sqrt(scenarios);
        assertThat(correlation(withRegimes, 0, 3)).isGreaterThan(0.2);
        assertThat(Math.abs(correlation(withoutRegimes, 0, 3))).isLessThan(noise);
    }

    private static double correlation(MoicMatrix matrix, int a, int b) {
        int n = matrix.scenarioCount();
        double meanA = 0;
        double meanB = 0;
        for (int s = 0; s < n; s++) {
            meanA += matrix.value(a, s);
            meanB += matrix.value(b, s);
        }
        meanA /= n;
        meanB /= n;
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int s = 0; s < n; s++) {
            double da = matrix.value(a, s) - meanA;
            double db = matrix.value(b, s) - meanB;
            cov += da * db;
            varA += da * da;
            varB += db * db;
        }
        return cov / Math.sqrt(varA * varB);
    }
}
