package dev.vcportfolio.core.scenario;

import dev.vcportfolio.core.model.Stage;
import java.util.Map;

/**
 * The shipped {@code industry-benchmark-v3} calibration, what a round-by-round request uses by default: {@code
 * industry-benchmark-v2}'s stage chain, round dynamics and model settings with an exit multiple (of the last
 * post-money) fitted so that a deal's multiple reproduces the public distribution of realized multiples per financing.
 * v2 read that distribution itself as the multiple of the last post-money, which counts the step-ups twice. The fit
 * and its source are in the migration that stores the row, {@code V13__industry_benchmark_v3_calibration.sql}, and in
 * {@code docs/model.md}; the figures here must stay identical to that row, which a test holds.
 */
public final class BenchmarkCalibrationV3 {

    public static final String VERSION = "industry-benchmark-v3";

    private static final ExitOutcome EXIT = new ExitOutcome(1.0, 3.0);

    private BenchmarkCalibrationV3() {}

    public static Calibration industryBenchmarkV3() {
        Calibration v2 = BenchmarkCalibrationV2.industryBenchmarkV2();
        return new Calibration(
                VERSION,
                v2.transitions(),
                Map.of(Stage.Seed, EXIT, Stage.SeriesA, EXIT, Stage.SeriesB, EXIT, Stage.SeriesC, EXIT),
                v2.maxMoic(),
                v2.maxRounds(),
                v2.regimes(),
                v2.regimeImpact(),
                v2.shocks());
    }

    /** The same round dynamics as {@code industry-benchmark-v2}'s. */
    public static RoundDynamics roundDynamics() {
        return BenchmarkCalibrationV2.roundDynamics();
    }
}
