package dev.vcportfolio.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ExponentialTest {

    @Test
    void agrees_with_strict_math_to_a_few_ulps_across_its_range_and_is_strict_math_outside() {
        SplitMix64 random = new SplitMix64(5);
        for (int i = 0; i < 200_000; i++) {
            double y = 90 * random.nextDouble() - 45;
            double strict = StrictMath.exp(y);
            double fast = Exponential.exp(y);
            if (Math.abs(y) >= 40) {
                assertThat(fast).isEqualTo(strict);
            } else {
                assertThat(fast).isCloseTo(strict, within(8 * Math.ulp(strict)));
            }
        }
        assertThat(Exponential.exp(0)).isEqualTo(1);
        assertThat(Exponential.exp(Double.NEGATIVE_INFINITY)).isZero();
    }
}
