package dev.vcportfolio.core.optimize;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;

/**
 * Solves one {@link MilpModel} on its backend with deterministic limits (the budget's nodes); the budget's time left is
 * the solve's time limit, so no solve runs past the request's deadline.
 */
final class MilpSolve {

    private MilpSolve() {}

    static MilpAnswer run(MilpModel model, Backend backend, Budget budget, double relativeGap) {
        var solver = model.solver;
        solver.setNumThreads(1);
        var started = budget.now();
        long nodeLimit = Math.max(1, budget.nodes());
        solver.setTimeLimit(Math.max(1, budget.remaining().toMillis()));
        // Fixed seeds and a node limit make the stop deterministic; SCIP's tighter feasibility tolerance keeps a
        // "non-loss" scenario at least 1 + margin - 1e-8 > 1 when verified against the matrix.
        String specific = switch (backend) {
            case SCIP ->
                "limits/nodes = " + nodeLimit + "\nrandomization/randomseedshift = 0\n"
                        + "randomization/permutationseed = 0\nnumerics/feastol = 1e-8\n"
                        + (model.goal instanceof Goal.FewestLosses ? ProofParameters.SCIP : "");
            case CBC -> "";
            case GLOP -> throw new IllegalArgumentException("GLOP cannot solve a MILP");
        };
        // A rejected string leaves every setting at its default, seeds and limits included: never solve like that.
        if (!specific.isEmpty() && !solver.setSolverSpecificParametersAsString(specific)) {
            throw new IllegalStateException(backend + " rejected its parameters: " + specific);
        }
        var params = new MPSolverParameters();
        params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, relativeGap);
        var result = solver.solve(params);
        long millis = budget.millisSince(started);
        // A solve that ends at a limit short of its nodes was stopped by the time left.
        boolean watchdog = solver.nodes() < nodeLimit || budget.expired();
        params.delete();
        if (result == MPSolver.ResultStatus.ABNORMAL && solver.nodes() >= nodeLimit) {
            // SCIP through OR-Tools reports a node limit reached before any solution as ABNORMAL.
            return empty(backend, SolveStatus.NO_ANSWER_LIMIT_REACHED, solver, millis, watchdog);
        }
        return switch (result) {
            case OPTIMAL -> answer(model, backend, SolveStatus.OPTIMAL, millis, false);
            case FEASIBLE -> answer(model, backend, SolveStatus.LIMIT_REACHED, millis, watchdog);
            case INFEASIBLE -> empty(backend, SolveStatus.INFEASIBLE, solver, millis, false);
            case UNBOUNDED, ABNORMAL, MODEL_INVALID ->
                throw new IllegalStateException(
                        backend + " failed on a model that is always bounded and valid: " + result);
            case NOT_SOLVED -> empty(backend, SolveStatus.NO_ANSWER_LIMIT_REACHED, solver, millis, watchdog);
        };
    }

    private static MilpAnswer answer(
            MilpModel model, Backend backend, SolveStatus status, long millis, boolean watchdog) {
        var solver = model.solver;
        double objective = solver.objective().value();
        double bound = solver.objective().bestBound();
        double gap = Math.abs(bound - objective) / Math.max(Math.abs(objective), 1e-9);
        double[] raw = new double[model.weights.length];
        for (int b = 0; b < raw.length; b++) {
            raw[b] = model.weights[b].solutionValue();
        }
        // Whole deals come back within the solver's integrality tolerance: exact counts are what is reported.
        double[] weights = model.instance().grid().snap(raw);
        boolean[] losing = new boolean[model.lossFlags.length];
        for (int j = 0; j < losing.length; j++) {
            losing[j] = model.forcedLoss[j] || (model.lossFlags[j] != null && model.lossFlags[j].solutionValue() > 0.5);
        }
        var stats = new SolveStats(backend, status, objective, bound, gap, solver.nodes(), millis, watchdog);
        return new MilpAnswer(stats, weights, losing, objective);
    }

    private static MilpAnswer empty(
            Backend backend, SolveStatus status, MPSolver solver, long millis, boolean watchdog) {
        // OR-Tools reports no usable dual bound without an incumbent (it returns 0), so none is claimed.
        return MilpAnswer.none(backend, status, solver.nodes(), millis, watchdog);
    }
}
