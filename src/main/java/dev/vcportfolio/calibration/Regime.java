package dev.vcportfolio.calibration;

import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A macro regime: drawn with {@code probability}, its shock uniform in [{@code shockMin}, {@code shockMax}] (swapped
 * when given reversed).
 */
@RegisterForReflection
public record Regime(
        @NotBlank @Size(max = 32) String name,
        @NotNull @Finite @DecimalMin("0") @DecimalMax("1") Double probability,
        @NotNull @Finite @DecimalMin("-1") @DecimalMax("1") Double shockMin,
        @NotNull @Finite @DecimalMin("-1") @DecimalMax("1") Double shockMax) {}
