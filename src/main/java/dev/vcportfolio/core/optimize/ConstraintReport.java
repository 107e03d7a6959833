package dev.vcportfolio.core.optimize;

import java.util.List;

/** The constraint report for any weights, not just the optimizer's: used for baselines and allocations clients bring. */
public final class ConstraintReport {

    private ConstraintReport() {}

    /** Every constraint of {@code request} recomputed from its matrix for {@code weights} (matrix order). */
    public static List<ConstraintCheck> of(OptimizationRequest request, double[] weights) {
        if (weights.length != request.matrix().bucketCount()) {
            throw new IllegalArgumentException("need one weight per bucket: " + weights.length + " for "
                    + request.matrix().bucketCount());
        }
        return AllocationCheck.report(Instance.of(request, false), request.limits(), weights);
    }

    public static boolean satisfied(OptimizationRequest request, double[] weights) {
        return of(request, weights).stream().allMatch(ConstraintCheck::satisfied);
    }
}
