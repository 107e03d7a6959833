package dev.vcportfolio.optimize;

import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The efficient frontier of a stored matrix under the given limits (their CVaR limit is replaced point by point).
 *
 * @param points portfolios between the tightest feasible and the loosest useful CVaR limit, 2 to 25
 * @param fundTerms fees and carry for each point's LP metrics on a round-by-round matrix (DESIGN 14); defaults when
 *     absent
 */
@RegisterForReflection
public record FrontierRequest(
        @NotNull @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be 64 lowercase hex digits") String matrixKey,

        @NotNull @Finite @Positive @DecimalMax("1e13") Double fundSize,
        @Valid ConstraintsRequest constraints,
        @Schema(example = "8") @NotNull @Min(2) @Max(25) Integer points,
        @Valid FundTermsRequest fundTerms) {}
