package dev.vcportfolio.core.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The European waterfall against cases worked by hand. */
class WaterfallTest {

    private static final int YEARS = 8;

    @Test
    void without_hurdle_or_catch_up_the_lps_keep_one_minus_carry_of_the_profit() {
        // given 100 called in year 0, 250 back in year 5
        Waterfall waterfall = new Waterfall(new FundTerms(0, 0, 0.2, 0, 0), YEARS);

        // when
        waterfall.run(at(0, 100), at(5, 250), 0);

        // then profit 150: the LPs get their 100 and 0.8 x 150
        assertThat(waterfall.lpDistributions[5]).isCloseTo(100 + 0.8 * 150, within(1e-9));
        assertThat(waterfall.gpCarry).isCloseTo(0.2 * 150, within(1e-9));
        assertThat(waterfall.lpTerminal).isZero();
    }

    @Test
    void a_fund_that_returns_less_than_paid_in_pays_no_carry() {
        Waterfall waterfall = new Waterfall(FundTerms.DEFAULT, YEARS);

        waterfall.run(add(at(0, 60), at(1, 40)), add(at(4, 30), at(6, 50)), 15);

        assertThat(waterfall.gpCarry).isZero();
        assertThat(sum(waterfall.lpDistributions)).isCloseTo(80, within(1e-9));
        assertThat(waterfall.lpTerminal).isCloseTo(15, within(1e-9));
    }

    @Test
    void with_full_catch_up_above_the_hurdle_the_gp_holds_exactly_its_carry_of_total_profit() {
        // given an 8 % hurdle on 100 for 5 years: 146.93 to the LPs first, then the GP catches up
        Waterfall waterfall = new Waterfall(new FundTerms(0, 0, 0.2, 0.08, 1.0), YEARS);

        // when
        waterfall.run(at(0, 100), at(5, 300), 0);

        // then
        assertThat(waterfall.gpCarry).isCloseTo(0.2 * 200, within(1e-9));
        assertThat(waterfall.lpDistributions[5]).isCloseTo(300 - 40, within(1e-9));
    }

    @Test
    void below_the_hurdle_the_lps_take_everything_and_a_partial_catch_up_pays_its_share() {
        // 100 at 8 % for 5 years owes 146.93; 150 back leaves 3.07 in the catch-up zone, of which the GP takes half
        Waterfall waterfall = new Waterfall(new FundTerms(0, 0, 0.2, 0.08, 0.5), YEARS);
        double owed = 100 * Math.pow(1.08, 5);

        waterfall.run(at(0, 100), at(5, 150), 0);

        assertThat(waterfall.gpCarry).isCloseTo(0.5 * (150 - owed), within(1e-9));
    }

    @Test
    void the_nav_is_split_as_if_distributed_at_the_horizon() {
        Waterfall waterfall = new Waterfall(new FundTerms(0, 0, 0.2, 0, 0), YEARS);

        waterfall.run(at(0, 100), at(3, 50), 150);

        // 50 returns capital, then the NAV returns the other 50 and splits the 100 of profit
        assertThat(waterfall.lpDistributions[3]).isCloseTo(50, within(1e-9));
        assertThat(waterfall.lpTerminal).isCloseTo(50 + 80, within(1e-9));
        assertThat(waterfall.gpCarry).isCloseTo(20, within(1e-9));
    }

    @Test
    void carry_paid_before_a_later_call_is_clawed_back_to_the_fund_level_share() {
        // given carry paid on 200 back in year 2, then 50 more called (fees) and nothing else
        Waterfall waterfall = new Waterfall(new FundTerms(0, 0, 0.2, 0, 0), YEARS);

        // when
        waterfall.run(add(at(0, 100), at(3, 50)), at(2, 200), 0);

        // then the fund made 50 on 150: the GP keeps 10 of the 20 it had, the LPs get 10 back at the horizon
        assertThat(waterfall.lpDistributions[2]).isCloseTo(180, within(1e-9));
        assertThat(waterfall.gpCarry).isCloseTo(10, within(1e-9));
        assertThat(waterfall.lpTerminal).isCloseTo(10, within(1e-9));
    }

    @Test
    void every_dollar_goes_to_the_lps_or_the_gp() {
        Waterfall waterfall = new Waterfall(FundTerms.DEFAULT, YEARS);
        double[] calls = add(add(at(0, 40), at(1, 35)), at(2, 25));
        double[] proceeds = add(add(at(3, 20), at(5, 180)), at(7, 95));

        waterfall.run(calls, proceeds, 60);

        assertThat(sum(waterfall.lpDistributions) + waterfall.lpTerminal + waterfall.gpCarry)
                .isCloseTo(20 + 180 + 95 + 60, within(1e-9));
        assertThat(waterfall.gpCarry).isPositive().isLessThanOrEqualTo(0.2 * (355 - 100) + 1e-9);
    }

    private static double[] at(int year, double amount) {
        double[] flows = new double[YEARS];
        flows[year] = amount;
        return flows;
    }

    private static double[] add(double[] a, double[] b) {
        double[] sum = Arrays.copyOf(a, a.length);
        for (int i = 0; i < b.length; i++) {
            sum[i] += b[i];
        }
        return sum;
    }

    private static double sum(double[] values) {
        return Arrays.stream(values).sum();
    }
}
