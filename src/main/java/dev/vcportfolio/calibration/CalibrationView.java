package dev.vcportfolio.calibration;

import dev.vcportfolio.core.model.Stage;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A stored calibration snapshot, as the API shows it. {@code fundId} is null for the industry benchmark. */
@RegisterForReflection
public record CalibrationView(
        String version,
        UUID fundId,
        Map<Stage, TransitionRates> transitionStats,
        Map<Stage, ExitOutcome> exitOutcomes,
        ModelParams modelParams,
        Integer sampleSize,
        String dataWindow,
        String calibrationMethod,
        OffsetDateTime createdAt) {

    public static final String BENCHMARK_VERSION = "industry-benchmark-v1";
}
