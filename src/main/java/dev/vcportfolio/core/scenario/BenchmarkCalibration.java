package dev.vcportfolio.core.scenario;

import dev.vcportfolio.core.model.Stage;
import java.util.List;
import java.util.Map;

/**
 * The shipped {@code industry-benchmark-v1} calibration (DESIGN section 7; illustrative, a fund replaces it with its
 * own). The figures must stay identical to the seed migration {@code V6__industry_benchmark_calibration.sql} and to
 * {@code ModelParams.benchmarkDefaults()}; a test holds them together.
 */
public final class BenchmarkCalibration {

    public static final String VERSION = "industry-benchmark-v1";

    private BenchmarkCalibration() {}

    public static Calibration industryBenchmarkV1() {
        return new Calibration(
                VERSION,
                Map.of(
                        Stage.Seed, new StageTransition(0.05, 0.35, 0.25),
                        Stage.SeriesA, new StageTransition(0.08, 0.40, 0.20),
                        Stage.SeriesB, new StageTransition(0.12, 0.40, 0.15),
                        Stage.SeriesC, new StageTransition(0.20, 0.30, 0.12)),
                Map.of(
                        Stage.Seed, new ExitOutcome(2.0, 12),
                        Stage.SeriesA, new ExitOutcome(2.5, 10),
                        Stage.SeriesB, new ExitOutcome(2.2, 7),
                        Stage.SeriesC, new ExitOutcome(2.0, 5)),
                250,
                8,
                List.of(
                        new Regime("boom", 0.25, 0.2, 0.5),
                        new Regime("base", 0.50, -0.1, 0.1),
                        new Regime("recession", 0.25, -0.5, -0.2)),
                0.3,
                new ShockWeights(0.5, 0.5, 0.3));
    }
}
