package dev.vcportfolio.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vcportfolio.core.model.Stage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every shock moves outcomes the way its sign says. The tests replay the documented stream layout of a cell (systematic
 * shock, round uniform, Pareto uniform, idiosyncratic shock) to know each cell's shocks.
 */
class ShockDirectionTest {

    private static final int SCENARIOS = 4_000;
    private static final List<Regime> FLAT = List.of(new Regime("flat", 1, 0, 0));

    @Test
    void a_positive_regime_shock_raises_every_exit_and_a_negative_one_lowers_it() {
        // given: one deal per cell exiting at once, so up and down see the very same draws
        ScenarioSpec up = single(Scenarios.immediateExit(1e9, List.of(new Regime("up", 1, 0.5, 0.5)), 0.3, shocks()));
        ScenarioSpec down =
                single(Scenarios.immediateExit(1e9, List.of(new Regime("down", 1, -0.5, -0.5)), 0.3, shocks()));

        // when
        float[] boom = Scenarios.generate(up).matrix().values();
        float[] recession = Scenarios.generate(down).matrix().values();

        // then: factor (1 + 0.5 * 0.3) against (1 - 0.5 * 0.3)
        for (int s = 0; s < SCENARIOS; s++) {
            assertThat((double) boom[s] / recession[s]).isCloseTo(1.15 / 0.85, within(1e-5));
        }
    }

    @Test
    void systematic_and_idiosyncratic_shocks_scale_an_exit_by_their_sign() {
        // given
        ShockWeights weights = shocks();
        ScenarioSpec shocked = single(Scenarios.immediateExit(1e9, FLAT, 0, weights));
        ScenarioSpec calm = single(Scenarios.immediateExit(1e9, FLAT, 0, ShockWeights.NONE));

        // when
        float[] withShocks = Scenarios.generate(shocked).matrix().values();
        float[] without = Scenarios.generate(calm).matrix().values();

        // then
        for (int s = 0; s < SCENARIOS; s++) {
            SplitMix64 stream = new SplitMix64(shocked.seed().streamState(s, 0));
            double systematic = stream.nextShock();
            stream.nextDouble(); // the round: exit
            stream.nextDouble(); // the Pareto draw
            double idiosyncratic = stream.nextShock();
            double expected = weights.factor(systematic, idiosyncratic, 1);
            assertThat((double) withShocks[s] / without[s]).isCloseTo(expected, within(1e-5));
            assertThat((double) Math.signum(withShocks[s] - without[s]))
                    .isEqualTo(Math.signum(0.5 * systematic + 0.3 * idiosyncratic));
        }
    }

    @Test
    void the_sector_return_multiplier_scales_exits_and_the_risk_multiplier_scales_the_shocks() {
        // given
        ShockWeights weights = shocks();
        Calibration calibration = Scenarios.immediateExit(1e9, FLAT, 0, weights);
        ScenarioSpec plain = single(calibration);
        ScenarioSpec adjusted = new ScenarioSpec(
                plain.buckets(),
                SCENARIOS,
                calibration,
                Recycling.OFF,
                Map.of("SaaS", new SectorAdjustment(1.5, 2)),
                plain.seed());
        ScenarioSpec calm = single(Scenarios.immediateExit(1e9, FLAT, 0, ShockWeights.NONE));

        // when
        float[] base = Scenarios.generate(calm).matrix().values();
        float[] scaled = Scenarios.generate(adjusted).matrix().values();

        // then
        for (int s = 0; s < SCENARIOS; s++) {
            SplitMix64 stream = new SplitMix64(plain.seed().streamState(s, 0));
            double systematic = stream.nextShock();
            stream.nextDouble();
            stream.nextDouble();
            double idiosyncratic = stream.nextShock();
            double expected = 1.5 * Math.max(0, weights.factor(systematic, idiosyncratic, 2));
            assertThat((double) scaled[s] / base[s]).isCloseTo(expected, within(1e-5));
        }
    }

    @Test
    void a_shock_factor_below_zero_floors_the_exit_at_zero() {
        // given: shocks strong enough to push the factor under 0 for some draws
        ScenarioSpec wild = single(Scenarios.immediateExit(1e9, FLAT, 0, new ShockWeights(2, 1, 1)));

        // when
        float[] values = Scenarios.generate(wild).matrix().values();

        // then
        assertThat(values).contains(0f);
        for (float value : values) {
            assertThat(Float.floatToRawIntBits(value)).isNotEqualTo(Float.floatToRawIntBits(-0f));
            assertThat(value).isGreaterThanOrEqualTo(0f);
        }
    }

    private static ShockWeights shocks() {
        return new ShockWeights(0.5, 0.5, 0.3);
    }

    private static ScenarioSpec single(Calibration calibration) {
        return ScenarioSpec.of(
                List.of(Scenarios.bucket("SaaS", Stage.SeriesA, 1)), SCENARIOS, calibration, Scenarios.seed(11));
    }
}
