package dev.vcportfolio.optimize;

import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/** Bounds on a sector's or stage's share of the fund; a missing side is free (0 or 1). */
@RegisterForReflection
public record BoundsRequest(
        @Finite @DecimalMin("0") @DecimalMax("1") Double min,
        @Finite @DecimalMin("0") @DecimalMax("1") Double max) {}
