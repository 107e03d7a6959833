package dev.vcportfolio.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vcportfolio.core.model.MoicMatrix;
import dev.vcportfolio.core.model.Stage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever the settings, cells are finite, non-negative and at most maxMoic, and the statistics describe the rows. */
class OutputBoundsTest {

    @Test
    void cells_stay_finite_non_negative_and_under_the_cap_in_harsh_settings() {
        // given: a low, non-float cap, sector multipliers that push past it, recycling and wild shocks
        Calibration benchmark = BenchmarkCalibration.industryBenchmarkV1();
        double cap = 30.3;
        Calibration harsh = new Calibration(
                "harsh",
                benchmark.transitions(),
                benchmark.exits(),
                cap,
                benchmark.maxRounds(),
                List.of(new Regime("mania", 0.5, 1, 1), new Regime("crash", 0.5, -1, -1)),
                3,
                new ShockWeights(2, 1, 1));
        ScenarioSpec spec = new ScenarioSpec(
                List.of(
                        Scenarios.bucket("Hot", Stage.Seed, 3),
                        Scenarios.bucket("Hot", Stage.SeriesC, 1),
                        Scenarios.bucket("Cold", Stage.SeriesA, 20)),
                10_000,
                harsh,
                new Recycling(true, 1, 5, 7),
                Map.of("Hot", new SectorAdjustment(20, 4), "Cold", new SectorAdjustment(0.01, 0)),
                Scenarios.seed(13));

        // when
        ScenarioGenerationResult result = Scenarios.generate(spec);

        // then
        for (float value : result.matrix().values()) {
            assertThat(Float.isFinite(value)).isTrue();
            assertThat(Float.floatToRawIntBits(value)).isNotEqualTo(Float.floatToRawIntBits(-0f));
            assertThat((double) value).isBetween(0.0, cap);
        }
        assertThat(result.diagnostics().cappedDraws()).isPositive();
    }

    @Test
    void bucket_statistics_describe_their_rows_in_canonical_order() {
        // given: buckets out of order
        ScenarioSpec spec = ScenarioSpec.of(
                List.of(
                        Scenarios.bucket("Zeta", Stage.Seed, 2),
                        Scenarios.bucket("Alpha", Stage.SeriesB, 1),
                        Scenarios.bucket("Alpha", Stage.SeriesA, 3)),
                8_000,
                BenchmarkCalibration.industryBenchmarkV1(),
                Scenarios.seed(14));

        // when
        ScenarioGenerationResult result = Scenarios.generate(spec);

        // then
        MoicMatrix matrix = result.matrix();
        assertThat(matrix.bucketKeys()).containsExactly("Alpha|SeriesA", "Alpha|SeriesB", "Zeta|Seed");
        assertThat(result.modelVersion()).isEqualTo(ScenarioGenerator.MODEL_VERSION);
        for (int b = 0; b < matrix.bucketCount(); b++) {
            BucketStatistics statistics = result.buckets().get(b);
            double sum = 0;
            long zeros = 0;
            for (int s = 0; s < matrix.scenarioCount(); s++) {
                sum += matrix.value(b, s);
                zeros += matrix.value(b, s) == 0 ? 1 : 0;
            }
            assertThat(statistics.key()).isEqualTo(matrix.bucketKeys().get(b));
            assertThat(statistics.meanMoic()).isCloseTo(sum / matrix.scenarioCount(), within(1e-9));
            assertThat(statistics.zeroShare()).isEqualTo((double) zeros / matrix.scenarioCount());
            assertThat(statistics.pWin()).isBetween(0.001, 0.5);
        }
        assertThat(result.buckets().stream().map(BucketStatistics::dealsPerBucket))
                .containsExactly(3, 1, 2);
        assertThat(result.diagnostics().companyPaths()).isEqualTo(6L * 8_000);
    }
}
