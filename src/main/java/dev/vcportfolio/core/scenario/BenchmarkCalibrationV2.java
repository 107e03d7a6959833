package dev.vcportfolio.core.scenario;

import dev.vcportfolio.core.model.Stage;
import java.util.Map;

/**
 * The shipped {@code industry-benchmark-v2} calibration: stage chain, exit multiples and round dynamics set from public
 * data (DESIGN 13). Each figure's source and derivation is in the migration that stores it,
 * {@code V11__industry_benchmark_v2_calibration.sql}, and in {@code docs/model.md}; the figures here must stay identical
 * to that row, which a test holds.
 *
 * <p>Calibrations stored without round dynamics fall back to {@link #roundDynamics()}.
 */
public final class BenchmarkCalibrationV2 {

    public static final String VERSION = "industry-benchmark-v2";

    private static final ExitOutcome EXIT = new ExitOutcome(3.09, 11.49);

    private static final RoundDynamics ROUND_DYNAMICS = new RoundDynamics(Map.of(
            Stage.Seed, new StageDynamics(new LognormalLaw(2.12, 5.37), LognormalLaw.fixed(1), 0, 19_200_000),
            Stage.SeriesA,
                    new StageDynamics(new LognormalLaw(2.15, 5.45), new LognormalLaw(3.07, 6.21), 0.20, 58_900_000),
            Stage.SeriesB,
                    new StageDynamics(new LognormalLaw(2.15, 5.45), new LognormalLaw(2.20, 4.45), 0.15, 129_800_000),
            Stage.SeriesC,
                    new StageDynamics(new LognormalLaw(2.15, 5.45), new LognormalLaw(1.85, 3.74), 0.10, 240_130_000)));

    private BenchmarkCalibrationV2() {}

    /**
     * The stage chain and exits. Per-round rates are each stage's shares of eventual outcomes (no "stay": the time a
     * company spends at a stage is {@link StageDynamics#yearsToNextRound()}); model parameters that no public data set
     * (regimes, shocks, caps) are {@code industry-benchmark-v1}'s.
     */
    public static Calibration industryBenchmarkV2() {
        Calibration v1 = BenchmarkCalibration.industryBenchmarkV1();
        return new Calibration(
                VERSION,
                Map.of(
                        Stage.Seed, new StageTransition(0.14, 0.46, 0.40),
                        Stage.SeriesA, new StageTransition(0.155, 0.609, 0.236),
                        Stage.SeriesB, new StageTransition(0.184, 0.50, 0.316),
                        Stage.SeriesC, new StageTransition(0.123, 0.429, 0.448)),
                Map.of(Stage.Seed, EXIT, Stage.SeriesA, EXIT, Stage.SeriesB, EXIT, Stage.SeriesC, EXIT),
                v1.maxMoic(),
                v1.maxRounds(),
                v1.regimes(),
                v1.regimeImpact(),
                v1.shocks());
    }

    /** The benchmark's round dynamics: the fallback for every calibration stored without its own. */
    public static RoundDynamics roundDynamics() {
        return ROUND_DYNAMICS;
    }
}
