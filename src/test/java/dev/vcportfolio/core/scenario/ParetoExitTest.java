package dev.vcportfolio.core.scenario;

import static dev.vcportfolio.core.scenario.Scenarios.binomialTolerance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vcportfolio.core.model.MoicMatrix;
import dev.vcportfolio.core.model.Stage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exit draws follow the Pareto law fitted to the calibrated median and P90, and the cap binds where it should. */
class ParetoExitTest {

    private static final int SCENARIOS = 40_000;

    @Test
    void the_fit_puts_the_median_and_p90_exactly_where_calibrated() {
        for (ExitOutcome outcome :
                BenchmarkCalibration.industryBenchmarkV1().exits().values()) {
            // when
            ParetoExit law = ParetoExit.fit(outcome);

            // then
            assertThat(law.quantile(0.5)).isCloseTo(outcome.medianMoic(), within(1e-12));
            assertThat(law.quantile(0.9)).isCloseTo(outcome.p90Moic(), within(1e-12));
            assertThat(law.cdf(outcome.p90Moic())).isCloseTo(0.9, within(1e-12));
            assertThat(law.quantile(0)).isEqualTo(law.xmin());
        }
    }

    @Test
    void generated_exits_pass_a_kolmogorov_smirnov_test_and_reproduce_median_and_p90() {
        // given
        ScenarioSpec spec =
                ScenarioSpec.of(Scenarios.everyStage(1), SCENARIOS, Scenarios.pureExit(), Scenarios.seed(1));

        // when
        MoicMatrix matrix = Scenarios.generate(spec).matrix();

        // then
        // critical value of the one-sample KS statistic at the 0.1 % level: 1.95 / sqrt(n)
        double ksCritical = 1.95 / Math.sqrt(SCENARIOS);
        for (int b = 0; b < matrix.bucketCount(); b++) {
            ExitOutcome outcome =
                    spec.calibration().exit(spec.buckets().get(b).bucket().stage());
            ParetoExit law = ParetoExit.fit(outcome);
            double[] sorted = sortedRow(matrix, b);
            assertThat(ksStatistic(sorted, law))
                    .as("KS D for %s", matrix.bucketKeys().get(b))
                    .isLessThan(ksCritical);
            // a sample quantile, mapped through the true CDF, is a binomial share around its level
            assertThat(law.cdf(sorted[SCENARIOS / 2]))
                    .as("median of %s", matrix.bucketKeys().get(b))
                    .isCloseTo(0.5, within(binomialTolerance(0.5, SCENARIOS)));
            assertThat(law.cdf(sorted[SCENARIOS * 9 / 10]))
                    .as("P90 of %s", matrix.bucketKeys().get(b))
                    .isCloseTo(0.9, within(binomialTolerance(0.9, SCENARIOS)));
        }
    }

    @Test
    void the_cap_takes_exactly_the_tail_beyond_max_moic() {
        // given: Seed's law (alpha < 1, infinite mean) capped at 50x
        double cap = 50;
        Calibration calibration =
                Scenarios.immediateExit(cap, List.of(new Regime("flat", 1, 0, 0)), 0, ShockWeights.NONE);
        ScenarioSpec spec = ScenarioSpec.of(
                List.of(Scenarios.bucket("SaaS", Stage.Seed, 1)), SCENARIOS, calibration, Scenarios.seed(2));
        double tail = 1 - ParetoExit.fit(calibration.exit(Stage.Seed)).cdf(cap);

        // when
        ScenarioGenerationResult result = Scenarios.generate(spec);

        // then
        double[] row = sortedRow(result.matrix(), 0);
        long capped = Arrays.stream(row).filter(v -> v == cap).count();
        assertThat(row[row.length - 1]).isEqualTo(cap);
        assertThat((double) capped / SCENARIOS).isCloseTo(tail, within(binomialTolerance(tail, SCENARIOS)));
        assertThat(result.diagnostics().cappedDraws()).isEqualTo(capped);
    }

    private static double[] sortedRow(MoicMatrix matrix, int bucket) {
        double[] row = new double[matrix.scenarioCount()];
        for (int s = 0; s < row.length; s++) {
            row[s] = matrix.value(bucket, s);
        }
        Arrays.sort(row);
        return row;
    }

    private static double ksStatistic(double[] sorted, ParetoExit law) {
        double d = 0;
        int n = sorted.length;
        for (int i = 0; i < n; i++) {
            double f = law.cdf(sorted[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return d;
    }
}
