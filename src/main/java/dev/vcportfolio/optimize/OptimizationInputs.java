package dev.vcportfolio.optimize;

import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.MoicMatrix;
import dev.vcportfolio.core.optimize.DealRules;
import dev.vcportfolio.core.optimize.OptimizationRequest;
import dev.vcportfolio.core.optimize.RiskLimits;
import dev.vcportfolio.matrix.BucketParams;
import dev.vcportfolio.matrix.OptimizationInput;
import java.util.List;

/** Builds the optimizer's request from a stored matrix, a fund size and limits. */
public final class OptimizationInputs {

    private OptimizationInputs() {}

    public static OptimizationRequest request(OptimizationInput input, double fundSize, RiskLimits limits) {
        return request(input.matrix(), input.params(), winProbabilities(input.params()), fundSize, limits);
    }

    /** The request with the deal rules asked for (whole deals unless the constraints say otherwise). */
    public static OptimizationRequest request(
            OptimizationInput input, double fundSize, RiskLimits limits, DealRules deals) {
        return request(input, fundSize, limits).withDeals(deals);
    }

    /** The same buckets, fund and limits over other scenarios (validation) with their own win probabilities. */
    public static OptimizationRequest request(
            MoicMatrix matrix,
            List<BucketParams> params,
            List<Double> winProbabilities,
            double fundSize,
            RiskLimits limits) {
        List<BucketSpec> buckets = params.stream()
                .map(p -> new BucketSpec(p.sector(), p.stage(), p.initialCheck(), p.reserveRatio()))
                .toList();
        return new OptimizationRequest(matrix, buckets, fundSize, winProbabilities, limits);
    }

    private static List<Double> winProbabilities(List<BucketParams> params) {
        return params.stream().map(BucketParams::pWin).toList();
    }
}
