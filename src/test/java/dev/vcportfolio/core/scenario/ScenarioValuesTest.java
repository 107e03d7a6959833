package dev.vcportfolio.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.Stage;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Value types reject what the model cannot honour, naming the bad value, and normalize what is equivalent. */
class ScenarioValuesTest {

    @Test
    void exit_outcomes_outside_the_pareto_fit_range_are_rejected_not_clamped() {
        assertThatThrownBy(() -> new ExitOutcome(2, 2.6)).hasMessageContaining("1.4");
        assertThatThrownBy(() -> new ExitOutcome(2, 51)).hasMessageContaining("25");
        assertThatThrownBy(() -> new ExitOutcome(2, 2)).hasMessageContaining("exceed medianMoic");
        assertThat(new ExitOutcome(2, 50).p90Moic()).isEqualTo(50);
    }

    @Test
    void stage_rates_must_leave_a_non_negative_stay_rate() {
        assertThatThrownBy(() -> new StageTransition(0.5, 0.4, 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StageTransition(-0.1, 0, 0)).hasMessageContaining("exitRate");
        assertThat(new StageTransition(0.2, 0.3, 0.1).stayRate()).isCloseTo(0.4, within(1e-15));
    }

    @Test
    void calibrations_check_regimes_and_limits() {
        Calibration benchmark = BenchmarkCalibration.industryBenchmarkV1();
        assertThatThrownBy(() -> benchmark.withRegimes(List.of(new Regime("a", 0.5, 0, 0))))
                .hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> benchmark.withRegimes(List.of(new Regime("a", 0.5, 0, 0), new Regime("a", 0.5, 0, 0))))
                .hasMessageContaining("distinct");
        assertThat(new Regime("r", 1, 0.4, -0.2)).isEqualTo(new Regime("r", 1, -0.2, 0.4));
        assertThatThrownBy(() -> new Regime("r", 1, -1.5, 0)).hasMessageContaining("[-1, 1]");
    }

    @Test
    void specs_sort_buckets_and_refuse_duplicates() {
        // given
        BucketPlan b = Scenarios.bucket("B", Stage.Seed, 1);
        BucketPlan a = Scenarios.bucket("A", Stage.SeriesC, 1);
        Calibration benchmark = BenchmarkCalibration.industryBenchmarkV1();

        // when
        ScenarioSpec spec = ScenarioSpec.of(List.of(b, a), 10, benchmark, Scenarios.seed(1));

        // then
        assertThat(spec.bucketKeys()).containsExactly("A|SeriesC", "B|Seed");
        assertThatThrownBy(() -> ScenarioSpec.of(List.of(a, a), 10, benchmark, Scenarios.seed(1)))
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> ScenarioSpec.of(List.of(a), 0, benchmark, Scenarios.seed(1)))
                .hasMessageContaining("scenarioCount");
    }

    @Test
    void default_deal_count_follows_the_design_formula() {
        BucketSpec bucket = new BucketSpec("SaaS", Stage.Seed, 1_000_000, 1.0);
        assertThat(BucketPlan.defaultDeals(100_000_000, 0.15, bucket)).isEqualTo(8); // 7.5 rounds to 8
        assertThat(BucketPlan.defaultDeals(1_000_000, 0.1, bucket)).isEqualTo(1);
        assertThat(BucketPlan.defaultDeals(1e15, 1, bucket)).isEqualTo(BucketPlan.MAX_DEALS_PER_BUCKET);
    }

    @Test
    void seeds_read_the_matrix_key_bytes_big_endian() {
        // given
        String hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

        // when
        Seed seed = Seed.ofHex(hex);

        // then
        assertThat(seed).isEqualTo(Seed.of(HexFormat.of().parseHex(hex)));
        assertThat(seed.word0()).isEqualTo(0x0001020304050607L);
        assertThat(seed.word3()).isEqualTo(0x18191a1b1c1d1e1fL);
        assertThatThrownBy(() -> Seed.of(new byte[31])).hasMessageContaining("32 bytes");
    }
}
