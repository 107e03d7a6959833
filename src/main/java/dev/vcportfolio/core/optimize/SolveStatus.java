package dev.vcportfolio.core.optimize;

/** How a solve ended. */
public enum SolveStatus {
    /** An answer proven within the requested relative gap. */
    OPTIMAL,
    /** An answer, but a node limit or the watchdog stopped the proof: see the reported gap. */
    LIMIT_REACHED,
    /** Proven infeasible. */
    INFEASIBLE,
    /** A limit stopped the solve before any answer was found; feasibility is unknown. */
    NO_ANSWER_LIMIT_REACHED;

    /** Whether the solve returned an allocation (proven or not). */
    public boolean hasAnswer() {
        return this == OPTIMAL || this == LIMIT_REACHED;
    }

    /** Lower ranks win when backends are compared. */
    int rank() {
        return switch (this) {
            case OPTIMAL -> 0;
            case LIMIT_REACHED -> 1;
            case INFEASIBLE -> 2;
            case NO_ANSWER_LIMIT_REACHED -> 3;
        };
    }
}
