package dev.vcportfolio.core.optimize;

import java.util.List;

/**
 * The answer to a feasible (or relaxed-to-feasible) request.
 *
 * @param allocation one row per bucket, in matrix order
 * @param expectedMoic E[M] of the allocation over the optimizer's scenarios, recomputed from the matrix
 * @param pass1EStar pass 1's E[M] (the objective pass 2 locks)
 * @param primaryLockEpsilon pass 2 kept {@code E[M] >= pass1EStar - primaryLockEpsilon}
 * @param pass1 pass 1's chosen solve (status, proven gap, bound, nodes, backend, time)
 * @param pass2 pass 2's chosen solve; when pass 2 found nothing, the pass-1 answer is kept and this says why
 * @param backendRuns every backend's pass-1 and pass-2 solves, for diagnostics
 * @param appliedLimits the limits the answer satisfies (the request's, or relaxed ones)
 * @param relaxation the moves that made the request feasible, in the order they were decided; empty when none
 * @param constraints the constraint report
 * @param verified whether every constraint holds when recomputed from the matrix
 * @param budget how the request's time and node budget was spent, step by step
 * @param deals whole deals or free shares, as the request asked
 */
public record OptimizationResult(
        List<BucketAllocation> allocation,
        double expectedMoic,
        double pass1EStar,
        double primaryLockEpsilon,
        SolveStats pass1,
        SolveStats pass2,
        List<SolveStats> backendRuns,
        RiskLimits appliedLimits,
        List<RelaxationStep> relaxation,
        List<ConstraintCheck> constraints,
        boolean verified,
        Budget.Use budget,
        DealRules deals) {

    public OptimizationResult {
        allocation = List.copyOf(allocation);
        backendRuns = List.copyOf(backendRuns);
        relaxation = List.copyOf(relaxation);
        constraints = List.copyOf(constraints);
    }

    /** The weights in matrix order. */
    public double[] weights() {
        return allocation.stream().mapToDouble(BucketAllocation::weight).toArray();
    }

    /** The share of capital left uninvested: with whole deals, what no further deal fits into; else 0. */
    public double uninvested() {
        double invested = 0;
        for (var row : allocation) {
            invested += row.weight();
        }
        return Math.max(0, 1 - invested);
    }

    /** OPTIMAL only when pass 1 proved its gap; LIMIT_REACHED tells the caller the answer is not proven. */
    public SolveStatus status() {
        return pass1.status();
    }
}
