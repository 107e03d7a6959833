package dev.vcportfolio.matrix;

import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fund's life for the round-by-round model (DESIGN 13); absent fields take the defaults in brackets.
 *
 * @param investmentPeriodYears years over which deals enter, evenly paced [4]
 * @param termYears the fund's term [10]
 * @param extensionYears extensions after the term [2]; a company still private after them is held at NAV
 */
@RegisterForReflection
public record FundTimelineRequest(
        @Schema(example = "4") @Finite @Positive @DecimalMax("30") Double investmentPeriodYears,

        @Schema(example = "10") @Min(1) @Max(30) Integer termYears,
        @Schema(example = "2") @Min(0) @Max(29) Integer extensionYears) {}
