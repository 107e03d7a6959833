package dev.vcportfolio.matrix;

import dev.vcportfolio.core.model.Stage;
import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One bucket of a fund to simulate.
 *
 * @param dealsPerBucket company paths averaged per cell; default {@code max(1, round(fundSize x bucketMaxWeight /
 *     allInCost))}, or 1 without those
 */
@RegisterForReflection
public record GenerationBucketRequest(
        @Schema(example = "SaaS")
        @NotNull @Pattern(regexp = MatrixBucketRequest.SECTOR_PATTERN, message = "must be 1-64 characters without '|'") String sector,

        @NotNull Stage stage,

        @Schema(example = "1500000") @NotNull @Finite @Positive @DecimalMax("1e12") Double initialCheck,

        @Schema(example = "1.0") @NotNull @Finite @PositiveOrZero @DecimalMax("100") Double reserveRatio,

        @Min(1) @Max(10_000) Integer dealsPerBucket) {}
