package dev.vcportfolio.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MoicRangeTest {

    private static final double CAP = 0.25;

    @Test
    void bounds_under_a_floor_hold_for_every_capped_allocation_above_the_floor() {
        // given
        var request = Fixtures.request(Fixtures.random(8, 60, 21), RiskLimits.none());
        var instance = Instance.of(request, true);
        double floor = 0.97 * best(instance.mean());

        // when
        var range = MoicRange.under(instance.scenarios(), CAP, instance.mean(), floor);

        // then
        var plain = MoicRange.of(instance.scenarios(), CAP);
        var random = new SplittableRandom(5);
        int checked = 0;
        for (int trial = 0; trial < 20_000; trial++) {
            double[] w = cappedSimplexPoint(random, 8);
            if (dot(instance.mean(), w) < floor) {
                continue;
            }
            checked++;
            for (int j = 0; j < instance.scenarios().size(); j++) {
                double m = dot(instance.scenarios().columns()[j], w);
                assertThat(m).isBetween(range.low()[j] - 1e-9, range.high()[j] + 1e-9);
            }
        }
        assertThat(checked).isGreaterThan(50);
        for (int j = 0; j < instance.scenarios().size(); j++) {
            assertThat(range.low()[j]).isGreaterThanOrEqualTo(plain.low()[j]);
            assertThat(range.high()[j]).isLessThanOrEqualTo(plain.high()[j]);
        }
    }

    @Test
    void best_mean_when_safe_bounds_every_allocation_that_keeps_the_scenario_above_one() {
        // given
        var request = Fixtures.request(Fixtures.random(8, 60, 22), RiskLimits.none());
        var instance = Instance.of(request, true);

        // when
        double[] zeta = MoicRange.bestMeanWhenSafe(instance.scenarios(), CAP, instance.mean());

        // then
        var random = new SplittableRandom(6);
        for (int trial = 0; trial < 5_000; trial++) {
            double[] w = cappedSimplexPoint(random, 8);
            double mean = dot(instance.mean(), w);
            for (int j = 0; j < instance.scenarios().size(); j++) {
                if (dot(instance.scenarios().columns()[j], w) >= 1 + Instance.LOSS_MARGIN) {
                    assertThat(mean).isLessThanOrEqualTo(zeta[j] + 1e-9);
                }
            }
        }
    }

    @Test
    void with_a_least_mass_bounds_hold_for_every_capped_allocation_investing_at_least_it() {
        // given whole deals leave part of the capital uninvested: sum w in [0.8, 1]
        var request = Fixtures.request(Fixtures.random(8, 60, 23), RiskLimits.none());
        var instance = Instance.of(request, true);
        double least = 0.8;
        double floor = 0.9 * best(instance.mean());

        // when
        var plain = MoicRange.of(instance.scenarios(), CAP, least);
        var under = MoicRange.under(instance.scenarios(), CAP, least, instance.mean(), floor);
        double[] zeta = MoicRange.bestMeanWhenSafe(instance.scenarios(), CAP, least, instance.mean());

        // then
        var random = new SplittableRandom(7);
        int aboveFloor = 0;
        for (int trial = 0; trial < 20_000; trial++) {
            double[] w = cappedSimplexPoint(random, 8);
            double mass = least + (1 - least) * random.nextDouble();
            for (int b = 0; b < w.length; b++) {
                w[b] *= mass;
            }
            double mean = dot(instance.mean(), w);
            boolean above = mean >= floor;
            aboveFloor += above ? 1 : 0;
            for (int j = 0; j < instance.scenarios().size(); j++) {
                double m = dot(instance.scenarios().columns()[j], w);
                assertThat(m).isBetween(plain.low()[j] - 1e-9, plain.high()[j] + 1e-9);
                if (above) {
                    assertThat(m).isBetween(under.low()[j] - 1e-9, under.high()[j] + 1e-9);
                }
                if (m >= 1 + Instance.LOSS_MARGIN) {
                    assertThat(mean).isLessThanOrEqualTo(zeta[j] + 1e-9);
                }
            }
        }
        assertThat(aboveFloor).isGreaterThan(50);
        // and less mass allowed means a lower least MOIC than with the whole fund invested
        var full = MoicRange.of(instance.scenarios(), CAP);
        for (int j = 0; j < instance.scenarios().size(); j++) {
            assertThat(plain.low()[j]).isLessThanOrEqualTo(full.low()[j]);
            assertThat(plain.high()[j]).isEqualTo(full.high()[j]);
        }
    }

    /** A random point of {sum = 1, 0 <= w <= CAP}: random order, random shares, the remainder spread under the cap. */
    private static double[] cappedSimplexPoint(SplittableRandom random, int n) {
        double[] w = new double[n];
        double left = 1;
        while (left > 1e-12) {
            int b = random.nextInt(n);
            double take = Math.min(left, Math.min(CAP - w[b], random.nextDouble() * CAP));
            w[b] += take;
            left -= take;
        }
        return w;
    }

    private static double best(double[] mean) {
        double[] sorted = mean.clone();
        java.util.Arrays.sort(sorted);
        double left = 1;
        double total = 0;
        for (int i = sorted.length - 1; i >= 0 && left > 0; i--) {
            double take = Math.min(CAP, left);
            total += take * sorted[i];
            left -= take;
        }
        return total;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
