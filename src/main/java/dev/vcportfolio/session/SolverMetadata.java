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
        boolean verified) {

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
}
