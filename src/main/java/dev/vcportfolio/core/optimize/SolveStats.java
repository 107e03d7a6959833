package dev.vcportfolio.core.optimize;

/**
 * What one MILP solve reports.
 *
 * @param backend the solver that produced the answer
 * @param status how the solve ended
 * @param objective the answer's objective value (NaN without an answer)
 * @param bound the proven bound on the objective (NaN when unknown)
 * @param gap proven relative gap {@code |bound - objective| / max(|objective|, 1e-9)}, 0 when proven optimal at
 *     zero gap, NaN without an answer
 * @param nodes branch-and-bound nodes
 * @param millis wall-clock time of the solve, milliseconds
 * @param watchdogFired whether the wall-clock watchdog (not a deterministic limit) stopped the solve
 */
public record SolveStats(
        Backend backend,
        SolveStatus status,
        double objective,
        double bound,
        double gap,
        long nodes,
        long millis,
        boolean watchdogFired) {}
