package dev.vcportfolio.optimize;

import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * An allocation the client already has, to be measured on a stored matrix.
 *
 * @param weights by bucket key ({@code sector|stage}); buckets not named get 0; the weights sum to 1 within 1e-9
 * @param constraints optional limits to check the allocation against (their CVaR confidence is used for the CVaR)
 * @param fundTerms fees and carry for the LP metrics of a round-by-round matrix (DESIGN 14); defaults when absent
 */
@RegisterForReflection
public record EvaluationRequest(
        @NotNull @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be 64 lowercase hex digits") String matrixKey,

        @NotNull @Finite @Positive @DecimalMax("1e13") Double fundSize,
        @NotEmpty @Size(max = 1_000) Map<String, @NotNull @Finite @DecimalMin("0") @DecimalMax("1") Double> weights,
        @Valid ConstraintsRequest constraints,
        @Valid FundTermsRequest fundTerms) {}
