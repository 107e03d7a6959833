package dev.vcportfolio.core.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IrrTest {

    @Test
    void minus_one_then_two_after_five_years_is_the_fifth_root_of_two() {
        assertThat(Irr.rate(-1, 0, 0, 0, 0, 2).orElseThrow()).isCloseTo(Math.pow(2, 0.2) - 1, within(1e-9));
    }

    @Test
    void a_loss_has_a_negative_rate_and_a_flat_return_none() {
        assertThat(Irr.rate(-100, 0, 0, 25).orElseThrow()).isCloseTo(Math.pow(0.25, 1.0 / 3) - 1, within(1e-9));
        assertThat(Irr.rate(-100, 0, 100).orElseThrow()).isCloseTo(0, within(1e-12));
    }

    @Test
    void flows_that_never_change_sign_have_no_rate() {
        assertThat(Irr.rate(-1, -2, 0, -3)).isEmpty();
        assertThat(Irr.rate(0, 0, 0)).isEmpty();
        assertThat(Irr.rate(5, 1)).isEmpty();
    }

    @Test
    void calls_over_years_then_one_exit_solve_the_polynomial() {
        double[] flows = {-30, -40, -30, 0, 0, 0, 250};
        double rate = Irr.rate(flows).orElseThrow();
        double npv = 0;
        for (int y = 0; y < flows.length; y++) {
            npv += flows[y] / Math.pow(1 + rate, y);
        }
        assertThat(npv).isCloseTo(0, within(1e-9));
        assertThat(rate).isBetween(0.17, 0.20);
    }

    @Test
    void a_rate_beyond_the_grid_has_none() {
        // a total loss but a millionth back after a year: -99.9999 %
        assertThat(Irr.rate(-1, 1e-6)).isEmpty();
    }
}
