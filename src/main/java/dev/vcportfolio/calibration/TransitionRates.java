package dev.vcportfolio.calibration;

import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * Per-round probabilities of a stage: exit, graduation to the next stage, failure; the rest stays a round.
 * Each in [0, 1], their sum at most 1.
 */
@RegisterForReflection
public record TransitionRates(
        @NotNull @Finite @DecimalMin("0") @DecimalMax("1") Double exitRate,
        @NotNull @Finite @DecimalMin("0") @DecimalMax("1") Double graduateRate,
        @NotNull @Finite @DecimalMin("0") @DecimalMax("1") Double failureRate) {}
