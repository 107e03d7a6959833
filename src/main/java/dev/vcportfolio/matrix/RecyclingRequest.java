package dev.vcportfolio.matrix;

import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Same-bucket recycling of winners' proceeds; off is the canonical no-op whatever the other fields say. */
@RegisterForReflection
public record RecyclingRequest(
        @NotNull Boolean enabled,
        @Finite @DecimalMin("0") @DecimalMax("1") Double utilization,
        @Finite @DecimalMin("0") @DecimalMax("100") Double cashMultiple,
        @Min(0) @Max(1_000) Integer maxRecycleDeals) {}
