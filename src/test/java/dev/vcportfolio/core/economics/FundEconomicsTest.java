package dev.vcportfolio.core.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vcportfolio.core.model.CashflowMatrix;
import dev.vcportfolio.core.scenario.FundTimeline;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FundEconomicsTest {

    private static final FundTimeline TEN_YEARS = new FundTimeline(4, 10, 2);

    @Test
    void two_percent_for_four_years_then_one_and_a_half_for_six_on_100m_is_17m() {
        FeeSchedule fees = FeeSchedule.of(FundTerms.DEFAULT, TEN_YEARS, 100e6);

        assertThat(fees.total()).isCloseTo(17e6, within(1e-6));
        assertThat(fees.fee(0)).isCloseTo(2e6, within(1e-9));
        assertThat(fees.fee(4)).isCloseTo(1.5e6, within(1e-9));
        assertThat(fees.fee(10)).isZero();
        assertThat(fees.years()).isEqualTo(13);
    }

    @Test
    void a_part_year_investment_period_pays_each_rate_for_its_part() {
        FeeSchedule fees = FeeSchedule.of(FundTerms.DEFAULT, new FundTimeline(3.5, 10, 0), 100e6);

        assertThat(fees.fee(3)).isCloseTo(0.5 * 2e6 + 0.5 * 1.5e6, within(1e-9));
        assertThat(fees.total()).isCloseTo(3.5 * 2e6 + 6.5 * 1.5e6, within(1e-6));
    }

    @Test
    void investable_capital_is_commitments_less_fees_and_the_weights_split_it() {
        CashflowMatrix flows = random(2, 500, 7);

        FundMetrics metrics = FundEconomics.of(flows, new double[] {0.5, 0.5}, 100e6, FundTerms.DEFAULT, TEN_YEARS);

        assertThat(metrics.totalFees()).isCloseTo(17e6, within(1e-6));
        assertThat(metrics.investableCapital()).isCloseTo(83e6, within(1e-6));
    }

    @Test
    void without_fees_or_carry_net_equals_gross() {
        CashflowMatrix flows = random(3, 2_000, 11);

        FundMetrics metrics = FundEconomics.of(flows, new double[] {0.2, 0.5, 0.3}, 100e6, FundTerms.NONE, TEN_YEARS);

        Spread gross = metrics.grossMultiple();
        Spread net = metrics.netTvpi();
        assertThat(net.mean()).isCloseTo(gross.mean(), within(1e-9));
        assertThat(net.p10()).isCloseTo(gross.p10(), within(1e-9));
        assertThat(net.p50()).isCloseTo(gross.p50(), within(1e-9));
        assertThat(net.p90()).isCloseTo(gross.p90(), within(1e-9));
        assertThat(metrics.expectedCarry()).isZero();
        assertThat(metrics.investableCapital()).isEqualTo(100e6);
    }

    @Test
    void a_deterministic_fund_has_the_closed_form_irr_tvpi_and_dpi() {
        // given every dollar invested in year 1 and returned 3x in year 5, in every scenario
        int years = TEN_YEARS.yearCount();
        float[] values = new float[4 * years];
        for (int s = 0; s < 4; s++) {
            values[s * years + 1] = -1;
            values[s * years + 5] = 3;
        }
        CashflowMatrix flows = new CashflowMatrix(List.of("SaaS|Seed"), 4, years, values);

        // when
        FundMetrics metrics = FundEconomics.of(flows, new double[] {1}, 50e6, FundTerms.NONE, TEN_YEARS);

        // then
        double irr = Math.pow(3, 0.25) - 1;
        assertThat(metrics.netIrr().p50().orElseThrow()).isCloseTo(irr, within(1e-9));
        assertThat(metrics.netIrr().undefinedShare()).isZero();
        assertThat(metrics.netTvpi().mean()).isCloseTo(3, within(1e-9));
        assertThat(metrics.netDpiByYear().get(4).p50()).isZero();
        assertThat(metrics.netDpiByYear().get(5).p50()).isCloseTo(3, within(1e-9));
        assertThat(metrics.jCurve().get(1).p50()).isCloseTo(-1, within(1e-9));
        assertThat(metrics.jCurve().get(5).p50()).isCloseTo(2, within(1e-9));
        assertThat(metrics.probabilityNetTvpiAtLeast3()).isEqualTo(1.0);
    }

    @Test
    void with_2_and_20_the_lps_get_less_than_gross_and_the_j_curve_starts_below_zero() {
        CashflowMatrix flows = random(4, 3_000, 5);

        FundMetrics metrics =
                FundEconomics.of(flows, new double[] {0.25, 0.25, 0.25, 0.25}, 100e6, FundTerms.DEFAULT, TEN_YEARS);

        assertThat(metrics.netTvpi().mean()).isLessThan(metrics.grossMultiple().mean());
        assertThat(metrics.jCurve().getFirst().p50()).isNegative();
        for (YearBand band : metrics.jCurve()) {
            assertThat(band.p10()).isLessThanOrEqualTo(band.p50());
            assertThat(band.p50()).isLessThanOrEqualTo(band.p90());
        }
        for (YearBand band : metrics.netDpiByYear()) {
            assertThat(band.p10()).isLessThanOrEqualTo(band.p50());
            assertThat(band.p50()).isLessThanOrEqualTo(band.p90());
        }
        assertThat(metrics.probabilityNetTvpiAtLeast1())
                .isGreaterThanOrEqualTo(metrics.probabilityNetTvpiAtLeast2())
                .isGreaterThanOrEqualTo(metrics.probabilityNetTvpiAtLeast3());
        assertThat(metrics.expectedCarry()).isPositive();
    }

    @Test
    void the_same_inputs_give_the_same_bits() {
        CashflowMatrix flows = random(3, 1_000, 3);
        double[] weights = {0.3, 0.3, 0.4};

        FundMetrics first = FundEconomics.of(flows, weights, 100e6, FundTerms.DEFAULT, TEN_YEARS);
        FundMetrics second = FundEconomics.of(flows, weights, 100e6, FundTerms.DEFAULT, TEN_YEARS);

        assertThat(second).isEqualTo(first);
    }

    /**
     * A cash-flow matrix shaped like the generator's: per dollar, calls of 0.6 at entry and 0.4 two years on, then
     * either a loss, an exit at a heavy-tailed multiple in a later year, or a NAV at the horizon.
     */
    static CashflowMatrix random(int rows, int scenarios, long seed) {
        int years = TEN_YEARS.yearCount();
        float[] values = new float[rows * scenarios * years];
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < rows; r++) {
            for (int s = 0; s < scenarios; s++) {
                int at = (r * scenarios + s) * years;
                int entry = random.nextInt(4);
                values[at + entry] -= 0.6f;
                values[at + entry + 2] -= 0.4f;
                double u = random.nextDouble();
                if (u < 0.4) {
                    continue;
                }
                double multiple = 0.5 / Math.pow(random.nextDouble(), 0.7);
                if (u < 0.9) {
                    values[at + entry + 3 + random.nextInt(6)] += (float) Math.min(multiple, 50);
                } else {
                    values[at + years - 1] += (float) Math.min(multiple, 50);
                }
            }
        }
        return new CashflowMatrix(
                java.util.stream.IntStream.range(0, rows)
                        .mapToObj(r -> "Row|" + r)
                        .toList(),
                scenarios,
                years,
                values);
    }
}
