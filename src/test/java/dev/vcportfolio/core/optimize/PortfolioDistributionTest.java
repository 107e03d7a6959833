package dev.vcportfolio.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vcportfolio.core.model.MoicMatrix;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortfolioDistributionTest {

    @Test
    void percentiles_mean_and_losses_follow_the_weighted_scenarios() {
        // given two buckets over 101 scenarios: the portfolio MOIC is s / 50 in scenario s (0, 0.02, ..., 2)
        int n = 101;
        float[] values = new float[2 * n];
        for (int s = 0; s < n; s++) {
            values[s] = (float) (s / 25.0);
            values[n + s] = 0;
        }
        MoicMatrix matrix = new MoicMatrix(List.of("A|Seed", "B|Seed"), n, values);

        // when
        PortfolioDistribution d = PortfolioDistribution.of(matrix, new double[] {0.5, 0.5});

        // then
        assertThat(d.scenarioCount()).isEqualTo(n);
        assertThat(d.mean()).isCloseTo(1.0, within(1e-6));
        assertThat(d.min()).isZero();
        assertThat(d.max()).isCloseTo(2.0, within(1e-6));
        assertThat(d.percentile(0.50)).isCloseTo(1.0, within(1e-6));
        assertThat(d.percentile(0.10)).isCloseTo(0.2, within(1e-6));
        assertThat(d.percentile(0.99)).isCloseTo(1.98, within(1e-6));
        assertThat(d.lossShare()).isCloseTo(50.0 / n, within(1e-12));
        assertThat(Arrays.stream(d.counts()).sum()).isEqualTo(n);
        // 1.98 / 24 = 0.0825 rounds up to a bin width of 0.1: bins 0-0.1, ..., the last from 1.9 holding the tail
        assertThat(d.binWidth()).isEqualTo(0.1);
        assertThat(d.counts()).hasSize(20);
        assertThat(d.counts()[0]).isEqualTo(5);
        assertThat(d.counts()[10])
                .as("1.0 to 1.1, away from float rounding at the edges")
                .isEqualTo(5);
    }

    @Test
    void bin_widths_are_round_numbers() {
        assertThat(PortfolioDistribution.niceWidth(0.0825)).isEqualTo(0.1);
        assertThat(PortfolioDistribution.niceWidth(0.3)).isEqualTo(0.5);
        assertThat(PortfolioDistribution.niceWidth(1.2)).isEqualTo(2);
        assertThat(PortfolioDistribution.niceWidth(0.2)).isEqualTo(0.2);
        assertThat(PortfolioDistribution.niceWidth(0)).isEqualTo(0.05);
    }

    @Test
    void a_constant_portfolio_has_one_bin_and_a_weight_per_row_is_required() {
        // given
        MoicMatrix matrix = new MoicMatrix(List.of("A|Seed"), 3, new float[] {0, 0, 0});

        // when
        PortfolioDistribution d = PortfolioDistribution.of(matrix, new double[] {1});

        // then
        assertThat(d.counts()).containsExactly(3);
        assertThat(d.lossShare()).isEqualTo(1);
        assertThatThrownBy(() -> PortfolioDistribution.of(matrix, new double[] {0.5, 0.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows=1, weights=2");
    }
}
