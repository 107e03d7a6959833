package dev.vcportfolio.calibration;

import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Exit multiple at a stage: median and 90th percentile MOIC, {@code p90MOIC > medianMOIC > 0}. */
@RegisterForReflection
public record ExitOutcome(
        @NotNull @Finite @Positive Double medianMOIC,
        @NotNull @Finite @Positive Double p90MOIC) {}
