package dev.vcportfolio.optimize;

import dev.vcportfolio.core.economics.FundTerms;
import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the GP charges (DESIGN 14); a missing field takes its default. Rates are per year of commitments (fees) or
 * shares (carry, catch-up).
 *
 * @param managementFeeRate during the investment period, default 0.02
 * @param postPeriodFeeRate after it, to the end of the term, default 0.015
 * @param carryRate the GP's share of profits, default 0.20
 * @param hurdleRate the LPs' preferred return, compounding yearly, default 0.08
 * @param catchUp the GP's share in the catch-up zone, default 1 (full catch-up); 0 for none
 */
@RegisterForReflection
public record FundTermsRequest(
        @Schema(example = "0.02") @Finite @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double managementFeeRate,

        @Schema(example = "0.015") @Finite @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double postPeriodFeeRate,

        @Schema(example = "0.2") @Finite @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double carryRate,

        @Schema(example = "0.08") @Finite @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double hurdleRate,

        @Schema(example = "1") @Finite @DecimalMin("0") @DecimalMax("1") Double catchUp) {

    /** Every field set: the given ones, defaults for the rest. */
    public static FundTermsRequest normalized(FundTermsRequest request) {
        FundTerms terms = toTerms(request);
        return new FundTermsRequest(
                terms.managementFeeRate(),
                terms.postPeriodFeeRate(),
                terms.carryRate(),
                terms.hurdleRate(),
                terms.catchUp());
    }

    /** The engine's terms; null means every default. */
    public static FundTerms toTerms(FundTermsRequest request) {
        FundTerms d = FundTerms.DEFAULT;
        if (request == null) {
            return d;
        }
        return new FundTerms(
                or(request.managementFeeRate, d.managementFeeRate()),
                or(request.postPeriodFeeRate, d.postPeriodFeeRate()),
                or(request.carryRate, d.carryRate()),
                or(request.hurdleRate, d.hurdleRate()),
                or(request.catchUp, d.catchUp()));
    }

    private static double or(Double value, double fallback) {
        return value != null ? value : fallback;
    }
}
