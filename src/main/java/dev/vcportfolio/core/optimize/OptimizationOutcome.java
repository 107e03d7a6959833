package dev.vcportfolio.core.optimize;

import java.util.List;

/** What the optimizer concluded. Switch without a default so a new case fails compilation. */
public sealed interface OptimizationOutcome {

    /** An allocation (proven optimal or stopped at a limit: see {@link OptimizationResult#status()}). */
    record Solved(OptimizationResult result) implements OptimizationOutcome {}

    /**
     * No allocation satisfies the request and relaxation was off, or could not help.
     *
     * @param reason for a human, naming the conflicting limits when they are known
     * @param relaxation the moves that were tried, empty when relaxation was off
     */
    record Infeasible(String reason, List<RelaxationStep> relaxation) implements OptimizationOutcome {
        public Infeasible {
            relaxation = List.copyOf(relaxation);
        }
    }

    /**
     * A limit stopped every backend before any answer was found; feasibility is unknown.
     *
     * @param reason for a human
     * @param stats the chosen backend's solve
     */
    record Unsolved(String reason, SolveStats stats) implements OptimizationOutcome {}
}
