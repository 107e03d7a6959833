package dev.vcportfolio.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CvarTest {

    @Test
    void worst_quarter_of_eight_equally_likely_losses() {
        // given: 25 % tail of 8 scenarios = the worst 2 (0.9 and 0.6)
        double[] losses = {0, 0.6, 0.1, 0.9, 0, 0.3, 0.2, 0};

        // when
        var cvar = Cvar.of(losses, 0.75);

        // then
        assertThat(cvar.value()).isCloseTo(0.75, offset(1e-15));
        assertThat(cvar.threshold()).isEqualTo(0.3);
    }

    @Test
    void a_tail_holding_every_loss_has_threshold_zero() {
        // given: 3 of 10 scenarios lose; the 50 % tail holds them all and two zeros
        double[] losses = {0, 0.5, 0, 0, 0.25, 0, 0, 1, 0, 0};

        // when
        var cvar = Cvar.of(losses, 0.5);

        // then
        assertThat(cvar.threshold()).isZero();
        assertThat(cvar.value()).isCloseTo(1.75 / 5, offset(1e-15));
        assertThat(Cvar.of(new double[] {0, 0, 0}, 0.9)).isEqualTo(new Cvar(0, 0));
    }

    // Random losses with ties and zeros, weighted and expanded, against the definition evaluated at every kink.
    @ParameterizedTest
    @CsvSource({"1, 0.95", "2, 0.9", "3, 0.5", "4, 0.99", "5, 0.95", "6, 0.8"})
    void matches_the_definition_and_its_expansion(long seed, double confidence) {
        // given
        var random = new SplittableRandom(seed);
        int distinct = 1 + random.nextInt(300);
        double[] loss = new double[distinct];
        int[] multiplicity = new int[distinct];
        var expanded = new ArrayList<Double>();
        for (int j = 0; j < distinct; j++) {
            // a fifth are exact zeros, the rest on a coarse grid so that ties occur
            loss[j] = random.nextInt(5) == 0 ? 0 : random.nextInt(1, 41) / 40.0;
            multiplicity[j] = 1 + random.nextInt(4);
            for (int k = 0; k < multiplicity[j]; k++) {
                expanded.add(loss[j]);
            }
        }
        int total = expanded.size();
        double[] flat = expanded.stream().mapToDouble(Double::doubleValue).toArray();

        // when
        var weighted = Cvar.of(loss, multiplicity, total, confidence);
        var plain = Cvar.of(flat, confidence);

        // then: both equal the minimum of the objective over its kinks, at its least minimizer
        double best = Double.POSITIVE_INFINITY;
        double least = Double.NaN;
        var kinks = new java.util.TreeSet<Double>();
        kinks.add(0.0);
        for (double v : loss) {
            kinks.add(v);
        }
        for (double tau : kinks) {
            double f = objective(flat, confidence, tau);
            if (f < best - 1e-12) {
                best = f;
                least = tau;
            }
        }
        assertThat(weighted.value()).isCloseTo(best, offset(1e-12));
        assertThat(plain.value()).isCloseTo(best, offset(1e-12));
        assertThat(weighted.threshold()).isEqualTo(least);
        assertThat(plain.threshold()).isEqualTo(least);
        assertThat(objective(flat, confidence, weighted.threshold())).isCloseTo(weighted.value(), offset(1e-12));
    }

    private static double objective(double[] losses, double confidence, double tau) {
        double sum = 0;
        for (double l : losses) {
            sum += Math.max(0, l - tau);
        }
        return tau + sum / ((1 - confidence) * losses.length);
    }
}
