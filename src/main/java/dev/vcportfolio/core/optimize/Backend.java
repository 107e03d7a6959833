package dev.vcportfolio.core.optimize;

/**
 * Solvers bundled with OR-Tools that this optimizer trusts. SCIP and CBC solve the MILP and can be configured, in
 * tie-break order (first wins a tie); GLOP is the LP solver, named when an LP alone proved the answer (loose loss
 * limits) or the heuristic's answer stands after the watchdog.
 */
public enum Backend {
    SCIP("SCIP", true),
    CBC("CBC", true),
    GLOP("GLOP", false);

    private final String orToolsId;
    private final boolean solvesMilp;

    Backend(String orToolsId, boolean solvesMilp) {
        this.orToolsId = orToolsId;
        this.solvesMilp = solvesMilp;
    }

    /** The id {@code MPSolver.createSolver} takes. */
    public String orToolsId() {
        return orToolsId;
    }

    /** Whether it can be configured as a MILP backend. */
    public boolean solvesMilp() {
        return solvesMilp;
    }
}
