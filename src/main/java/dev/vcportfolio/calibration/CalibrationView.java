package dev.vcportfolio.calibration;

import dev.vcportfolio.core.model.Stage;
import dev.vcportfolio.core.scenario.BenchmarkCalibrationV2;
import dev.vcportfolio.core.scenario.BenchmarkCalibrationV3;
import dev.vcportfolio.core.scenario.RoundDynamics;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A stored calibration snapshot, as the API shows it. {@code fundId} is null for the shared benchmarks;
 * {@code roundDynamics} is null for a snapshot stored without them, which falls back to {@code industry-benchmark-v2}'s
 * ({@link #roundDynamicsOrBenchmark()}).
 */
@RegisterForReflection
public record CalibrationView(
        String version,
        UUID fundId,
        Map<Stage, TransitionRates> transitionStats,
        Map<Stage, ExitOutcome> exitOutcomes,
        @Schema(description = ROUND_DYNAMICS) Map<Stage, StageRoundDynamics> roundDynamics,
        ModelParams modelParams,
        Integer sampleSize,
        String dataWindow,
        String calibrationMethod,
        OffsetDateTime createdAt) {

    public static final String BENCHMARK_VERSION = "industry-benchmark-v1";

    public static final String BENCHMARK_V2_VERSION = BenchmarkCalibrationV2.VERSION;

    /** What a round-by-round request without a calibration uses. */
    public static final String BENCHMARK_V3_VERSION = BenchmarkCalibrationV3.VERSION;

    static final String ROUND_DYNAMICS = "Per stage: yearsToNextRound, stepUp and dilution of the round into the stage"
            + " (Seed: 1 and 0), entryPostMoney. Absent (null) for a calibration stored without them: it falls back to"
            + " industry-benchmark-v2's.";

    /** This snapshot's round dynamics for the engine, or {@code industry-benchmark-v2}'s when it has none. */
    public RoundDynamics roundDynamicsOrBenchmark() {
        return roundDynamics == null
                ? BenchmarkCalibrationV2.roundDynamics()
                : StageRoundDynamics.toCore(roundDynamics);
    }
}
