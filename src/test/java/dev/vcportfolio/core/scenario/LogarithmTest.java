package dev.vcportfolio.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogarithmTest {

    @Test
    void agrees_with_strict_math_within_1e_15_absolutely_and_relatively_above_1() {
        SplitMix64 random = new SplitMix64(9);
        for (int i = 0; i < 300_000; i++) {
            // 1 - u over the generator's grid, and values far from 1 in both directions
            double x = switch (i % 3) {
                case 0 -> 1 - random.nextDouble();
                case 1 -> StrictMath.exp(80 * random.nextDouble() - 40);
                default -> 1 + 1e-3 * (random.nextDouble() - 0.5);
            };
            double strict = StrictMath.log(x);
            assertThat(Logarithm.log(x))
                    .as("ln %s", x)
                    .isCloseTo(strict, within(1e-15 * Math.max(1, Math.abs(strict))));
        }
        assertThat(Logarithm.log(1)).isZero();
        assertThat(Logarithm.log(0x1.0p-53)).isCloseTo(StrictMath.log(0x1.0p-53), within(1e-13));
        assertThat(Logarithm.log(0)).isEqualTo(StrictMath.log(0));
        assertThat(Logarithm.log(-1)).isNaN();
    }
}
