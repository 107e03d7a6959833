package dev.vcportfolio.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Exponential#nearest} is {@link Math#round(double)} on the arguments it gets, ties and near-ties included. */
class ExponentialRoundingTest {

    @Test
    void ties_and_their_neighbours_round_as_math_round() {
        for (int k = -2_600; k <= 2_600; k++) {
            // given
            double tie = k + 0.5;
            double[] near = {tie, Math.nextDown(tie), Math.nextUp(tie), k, Math.nextDown(k), Math.nextUp(k)};

            for (double x : near) {
                // when
                long n = Exponential.nearest(x);

                // then
                assertThat(n).as("x = %s", x).isEqualTo(Math.round(x));
            }
        }
    }

    @Test
    void small_and_random_arguments_round_as_math_round() {
        SplittableRandom random = new SplittableRandom(20261207L);
        double[] small = {0, -0.0, 1e-300, -1e-300, 0.25, -0.25, -0.5, 0.5, Math.nextDown(-0.5), Math.nextUp(-0.5)};
        for (double x : small) {
            assertThat(Exponential.nearest(x)).as("x = %s", x).isEqualTo(Math.round(x));
        }
        for (int i = 0; i < 1_000_000; i++) {
            // given
            double x = random.nextDouble(-2_560, 2_560) / (1 << random.nextInt(40));

            // when
            long n = Exponential.nearest(x);

            // then
            assertThat(n).as("x = %s", x).isEqualTo(Math.round(x));
        }
    }
}
