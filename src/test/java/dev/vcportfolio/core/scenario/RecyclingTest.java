package dev.vcportfolio.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recycling off is one canonical no-op; on, only winners' cells change and the base deals keep their draws. */
class RecyclingTest {

    private static final Calibration BENCHMARK = BenchmarkCalibration.industryBenchmarkV1();

    @Test
    void any_disabled_configuration_normalizes_to_the_canonical_no_op() {
        // when
        Recycling disabled = new Recycling(false, 0.7, 3, 5);

        // then
        assertThat(disabled).isEqualTo(Recycling.OFF);
        assertThat(Recycling.OFF).isEqualTo(new Recycling(false, 0, 1, 0));
        assertThat(disabled.active()).isFalse();
    }

    @Test
    void recycling_off_or_idle_gives_the_bits_of_no_recycling() {
        // given
        ScenarioSpec none = spec(Recycling.OFF, 1);
        ScenarioSpec disabled = spec(new Recycling(false, 0.7, 3, 5), 1);
        ScenarioSpec idle = spec(new Recycling(true, 0, 1, 4), 1);

        // when
        int[] reference = Scenarios.bits(Scenarios.generate(none).matrix().values());

        // then
        assertThat(Scenarios.bits(Scenarios.generate(disabled).matrix().values()))
                .isEqualTo(reference);
        assertThat(Scenarios.bits(Scenarios.generate(idle).matrix().values())).isEqualTo(reference);
    }

    @Test
    void recycling_changes_only_cells_with_a_winner_and_keeps_the_rest_bit_for_bit() {
        // given: one deal per cell, so a cell is a winner exactly when it is above 1x without recycling
        ScenarioSpec off = spec(Recycling.OFF, 1);
        ScenarioSpec on = spec(new Recycling(true, 0.5, 1, 2), 1);

        // when
        float[] without = Scenarios.generate(off).matrix().values();
        ScenarioGenerationResult result = Scenarios.generate(on);

        // then
        float[] with = result.matrix().values();
        long changed = 0;
        for (int i = 0; i < with.length; i++) {
            if (without[i] <= 1) {
                assertThat(with[i]).isEqualTo(without[i]);
            } else {
                changed += with[i] != without[i] ? 1 : 0;
            }
        }
        assertThat(changed).isPositive();
        assertThat(result.diagnostics().recycledPaths()).isPositive();
        assertThat(result.diagnostics().companyPaths()).isEqualTo(4L * 5_000);
    }

    @Test
    void a_recycled_cell_keeps_what_was_not_recycled() {
        // given: a winner at x keeps x - min(0.5 x, 1) whatever its recycled deals return
        ScenarioSpec off = spec(Recycling.OFF, 1);
        ScenarioSpec on = spec(new Recycling(true, 0.5, 1, 2), 1);

        // when
        float[] without = Scenarios.generate(off).matrix().values();
        float[] with = Scenarios.generate(on).matrix().values();

        // then
        for (int i = 0; i < with.length; i++) {
            if (without[i] > 1) {
                double kept = without[i] - Math.min(0.5 * without[i], 1);
                assertThat((double) with[i]).isGreaterThanOrEqualTo(kept * (1 - 1e-6));
            }
        }
    }

    private static ScenarioSpec spec(Recycling recycling, int deals) {
        return new ScenarioSpec(Scenarios.everyStage(deals), 5_000, BENCHMARK, recycling, Map.of(), Scenarios.seed(12));
    }
}
