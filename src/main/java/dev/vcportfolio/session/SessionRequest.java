package dev.vcportfolio.session;

import dev.vcportfolio.calibration.Regime;
import dev.vcportfolio.matrix.FundTimelineRequest;
import dev.vcportfolio.matrix.GenerationBucketRequest;
import dev.vcportfolio.matrix.MatrixLimits;
import dev.vcportfolio.matrix.RecyclingRequest;
import dev.vcportfolio.matrix.SimModel;
import dev.vcportfolio.optimize.ConstraintsRequest;
import dev.vcportfolio.optimize.FundTermsRequest;
import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An optimization request (DESIGN 10): a fund, the matrix to optimize on (a stored {@code matrixKey}, or the
 * generation fields), the risk limits, and how to validate.
 *
 * @param fundId the fund; default: the token's first fund
 * @param matrixKey a stored matrix; when given, the generation fields must be absent
 * @param buckets the fund's sector x stage buckets to simulate (with {@code scenarioCount})
 * @param validationScenarios fresh scenarios for out-of-sample validation, default 5,000
 * @param epsilon pass 2 keeps {@code E[M] >= E* - epsilon}, default 0.001
 * @param simModel the scenario model of a generated matrix (see the generation request)
 * @param fund round-by-round only: the fund's investment period, term and extensions
 * @param fundTerms fees and carry for the LP metrics of a round-by-round matrix (DESIGN 14); defaults when absent
 * @param name what the fund calls this plan (DESIGN 16): optional; stored trimmed, 1 to {@value SessionRules#MAX_NAME}
 *     characters, no control characters
 */
@RegisterForReflection
public record SessionRequest(
        @Schema(example = "7b0c1f9e-2a34-4c1d-9a55-3f2b1e0d4c21")
        UUID fundId,

        @Schema(example = "100000000") @NotNull @Finite @Positive @DecimalMax("1e13") Double fundSize,

        @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be 64 lowercase hex digits") String matrixKey,

        @Size(min = 1, max = MatrixLimits.MAX_BUCKETS) List<@NotNull @Valid GenerationBucketRequest> buckets,

        @Schema(example = "5000") @Positive Integer scenarioCount,

        @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$") String calibrationVersion,

        @Size(min = 1, max = 8) List<@NotNull @Valid Regime> regimes,

        @Valid RecyclingRequest recycling,

        @Valid ConstraintsRequest constraints,

        @Schema(example = "5000") @Min(100) @Max(1_000_000) Integer validationScenarios,

        @Schema(example = "0.001") @Finite @PositiveOrZero @DecimalMax("1") Double epsilon,

        @Schema(example = "round_by_round_v1") SimModel simModel,

        @Valid FundTimelineRequest fund,

        @Valid FundTermsRequest fundTerms,

        @Schema(
                example = "Fund IV base case",
                maxLength = SessionRules.MAX_NAME,
                description = "Optional; trimmed, then 1-120 characters without control characters")
        String name) {

    /** The same request for the given fund. */
    public SessionRequest withFundId(UUID owner) {
        return new SessionRequest(
                owner,
                fundSize,
                matrixKey,
                buckets,
                scenarioCount,
                calibrationVersion,
                regimes,
                recycling,
                constraints,
                validationScenarios,
                epsilon,
                simModel,
                fund,
                fundTerms,
                name);
    }
}
