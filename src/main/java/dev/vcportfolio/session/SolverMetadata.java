package dev.vcportfolio.session;

import dev.vcportfolio.optimize.ConstraintsRequest;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * What the solver did, stored as {@code solver_metadata}. Values a solver did not report (no bound, no answer) are
 * null, since JSON has no NaN.
 *
 * @param status {@code OPTIMAL} (gap proven) or {@code LIMIT_REACHED} (a node limit or the watchdog stopped it)
 * @param expectedMoic in-sample E[M] of the stored allocation, recomputed from the matrix
 * @param appliedLimits the limits the allocation satisfies (relaxed ones where the log says so)
 * @param verified every constraint recomputed from the matrix holds
 * @param runs every backend solve of both passes
 * @param budget how the request's one time and node budget was spent (absent for sessions solved before it existed)
 */
@RegisterForReflection
public record SolverMetadata(
        String status,
        String backend,
        Double gap,
        Double bound,
        long nodes,
        long millis,
        double expectedMoic,
        Solve pass2,
        List<Solve> runs,
        ConstraintsRequest appliedLimits,
        boolean verified,
        BudgetUse budget) {

    /** One backend solve. */
    @RegisterForReflection
    public record Solve(
            String backend,
            String status,
            Double objective,
            Double bound,
            Double gap,
            long nodes,
            long millis,
            boolean watchdogFired) {}

    /**
     * The request's budget: its time limit, the time spent when the answer was stored (never more than a tenth over
     * the limit) and each step's share, in order (relaxation decisions, pass 1, pass 2).
     *
     * @param limitMillis the time limit, milliseconds
     * @param spentMillis from the start of the optimization to its answer, milliseconds
     * @param nodeLimit the branch-and-bound nodes the request could spend in all
     * @param steps what each step spent
     */
    @RegisterForReflection
    public record BudgetUse(long limitMillis, long spentMillis, long nodeLimit, List<BudgetStep> steps) {}

    /** One step of the budget: {@code pass 1}, {@code pass 2}, {@code relaxation <limit>}, ... */
    @RegisterForReflection
    public record BudgetStep(String step, long millis, long nodes) {}
}
