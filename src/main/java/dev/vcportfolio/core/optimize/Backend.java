package dev.vcportfolio.core.optimize;

/** MILP solvers bundled with OR-Tools that this optimizer trusts, in tie-break order (first wins a tie). */
public enum Backend {
    SCIP("SCIP"),
    CBC("CBC");

    private final String orToolsId;

    Backend(String orToolsId) {
        this.orToolsId = orToolsId;
    }

    /** The id {@code MPSolver.createSolver} takes. */
    public String orToolsId() {
        return orToolsId;
    }
}
