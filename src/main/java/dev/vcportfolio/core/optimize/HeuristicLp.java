package dev.vcportfolio.core.optimize;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The one LP {@link PrimalHeuristic} re-solves (GLOP, single-threaded): the request's linear rows, the CVaR rows, and
 * per undecided scenario a row {@code M_s + e_s >= 1 + 2 margins} whose excess {@code e_s} is either priced (elastic)
 * or bounded to 0 unless the scenario may lose (fixed loss set). Scenarios the caps decide are left out: those that
 * never lose need no row, those that always lose count against the budget.
 *
 * <p>The budget: once its deadline has passed, every further solve answers "no solution", so the search ends with what
 * it has and says so ({@link #timedOut()}); each LP gets the time left as its limit.
 */
final class HeuristicLp implements AutoCloseable {

    /** Rows ask for 1 + 2 margins so GLOP's tolerances never leave a non-loss scenario below 1 + margin. */
    private static final double GOAL = 1 + 2 * Instance.LOSS_MARGIN;

    private final Instance instance;
    private final MoicRange range;
    private final MPSolver lp;
    private final MPVariable[] weights;
    private final MPVariable[] excess;
    private final MPConstraint[] rows;
    private final boolean[] undecided;
    private boolean lossRowsAdded;
    private final int budget;
    /** The request's time and nodes (the loss budget is {@link #budget}). */
    private final Budget allowance;

    private int solves;
    private boolean timedOut;
    // The CVaR limit, when active: its row, threshold variable, scale, and which scenarios have their row yet.
    private MPVariable tau;
    private MPConstraint cvarRow;
    private double cvarScale;
    private boolean[] cvarRowAdded;
    // GLOP re-solves from the last basis only without presolve (presolve rebuilds the problem each solve), several
    // times faster (docs/optimizer-experiments.md); answers agree to about 1e-15, which can still move SCIP's path
    // when the answer is the MILP's start. Which simplex depends on the change: primal after the objective moved,
    // dual after rows were added.
    private static final String PRIMAL_WARM = "use_preprocessing:false use_dual_simplex:false";
    private static final String DUAL_WARM = "use_preprocessing:false use_dual_simplex:true";
    private String simplex = "";
    /** Slack on the CVaR limit when checking an LP answer: about GLOP's tolerances, below AllocationCheck's 1e-6. */
    private static final double CVAR_TOLERANCE = 1e-7;

    HeuristicLp(Instance instance, Budget allowance) {
        OrTools.load();
        this.instance = instance;
        this.allowance = allowance;
        var limits = instance.limits();
        this.range = MoicRange.of(
                instance.scenarios(), limits.bucketMaxWeight(), instance.grid().leastInvested());
        this.lp = MPSolver.createSolver("GLOP");
        int bucketCount = instance.bucketCount();
        weights = new MPVariable[bucketCount];
        for (int b = 0; b < bucketCount; b++) {
            weights[b] = lp.makeNumVar(0, instance.grid().cap(b, limits.bucketMaxWeight()), "w" + b);
        }
        var budgetRow = lp.makeConstraint(instance.grid().leastInvested(), 1, "budget");
        for (var w : weights) {
            budgetRow.setCoefficient(w, 1);
        }
        if (limits.minExpectedWinners() > 0) {
            var winners = lp.makeConstraint(limits.minExpectedWinners(), Double.POSITIVE_INFINITY, "winners");
            for (int b = 0; b < bucketCount; b++) {
                winners.setCoefficient(weights[b], instance.winners()[b]);
            }
        }
        for (var group : instance.groups()) {
            if (group.bounds().min() <= 0 && group.bounds().max() >= 1) {
                continue;
            }
            var row = lp.makeConstraint(group.bounds().min(), group.bounds().max(), "g_" + group.name());
            for (int b : group.members()) {
                row.setCoefficient(weights[b], 1);
            }
        }
        var scenarios = instance.scenarios();
        excess = new MPVariable[scenarios.size()];
        rows = new MPConstraint[scenarios.size()];
        undecided = new boolean[scenarios.size()];
        int forced = 0;
        for (int j = 0; j < scenarios.size(); j++) {
            if (range.alwaysLoses(j)) {
                forced += scenarios.multiplicity()[j];
            }
            undecided[j] = !range.neverLoses(j) && !range.alwaysLoses(j);
        }
        this.budget = instance.lossBudget() - forced;
        if (instance.cvarActive()) {
            addCvarRows();
        }
    }

    /**
     * One elastic row per undecided scenario, added before the first LP that prices or fixes losses: the first LP
     * (no loss rows) needs none, and with loose limits it is the only one.
     */
    private void addLossRows() {
        if (lossRowsAdded) {
            return;
        }
        lossRowsAdded = true;
        for (int j = 0; j < excess.length; j++) {
            if (undecided[j]) {
                excess[j] = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "e" + j);
                rows[j] = lp.makeConstraint(GOAL, Double.POSITIVE_INFINITY, "loss_" + j);
                setMoic(rows[j], j);
                rows[j].setCoefficient(excess[j], 1);
            }
        }
    }

    /**
     * The CVaR limit row {@code tau + scale * sum n_j u_j <= limit}. Its per-scenario rows {@code u_j >= 1 - M_j - tau}
     * are added lazily ({@link #addViolatedCvarRows}): only the scenarios in some answer's tail ever need one, and
     * thousands of them would dominate every LP of the search.
     */
    private void addCvarRows() {
        var limits = instance.limits();
        var scenarios = instance.scenarios();
        tau = lp.makeNumVar(0, 1, "tau");
        cvarRow = lp.makeConstraint(Double.NEGATIVE_INFINITY, limits.cvarLimit(), "cvar");
        cvarRow.setCoefficient(tau, 1);
        cvarScale = 1 / ((1 - limits.cvarConfidence()) * scenarios.totalScenarios());
        cvarRowAdded = new boolean[scenarios.size()];
    }

    private enum CvarCheck {
        MET,
        ROWS_ADDED,
        MISSED
    }

    /**
     * Measures the CVaR of {@code w} exactly (Rockafellar-Uryasev at its best threshold); when over the limit, adds the
     * rows the LP answer violates: scenarios without a row whose loss exceeds the LP's threshold {@code tau}. MISSED:
     * over the limit with every such row present (tolerances).
     */
    private CvarCheck addViolatedCvarRows(double[] w) {
        var scenarios = instance.scenarios();
        int count = scenarios.size();
        double[] loss = new double[count];
        for (int j = 0; j < count; j++) {
            loss[j] = range.low()[j] >= 1 ? 0 : Math.max(0, 1 - moic(w, j));
        }
        double cvar = Cvar.of(
                        loss,
                        scenarios.multiplicity(),
                        scenarios.totalScenarios(),
                        instance.limits().cvarConfidence())
                .value();
        if (cvar <= instance.limits().cvarLimit() + CVAR_TOLERANCE) {
            return CvarCheck.MET;
        }
        // The rows this LP answer violates: u_j = 0 (no row) below a scenario's excess over the LP's own threshold.
        double lpThreshold = tau.solutionValue();
        boolean added = false;
        for (int j = 0; j < count; j++) {
            if (!cvarRowAdded[j] && loss[j] > lpThreshold) {
                cvarRowAdded[j] = true;
                added = true;
                var u = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "u" + j);
                var row = lp.makeConstraint(1, Double.POSITIVE_INFINITY, "cvar_" + j);
                setMoic(row, j);
                row.setCoefficient(tau, 1);
                row.setCoefficient(u, 1);
                cvarRow.setCoefficient(u, cvarScale * scenarios.multiplicity()[j]);
            }
        }
        return added ? CvarCheck.ROWS_ADDED : CvarCheck.MISSED;
    }

    /** Distinct scenarios (decided ones included, without rows). */
    int count() {
        return excess.length;
    }

    /** Whether scenario j has a row: the caps decide neither that it never nor that it always loses. */
    boolean undecided(int j) {
        return undecided[j];
    }

    /** Multiplicity the undecided scenarios may still lose (the budget less those that always lose). */
    int budget() {
        return budget;
    }

    /** How far scenario j's row fell short of its goal in the last elastic solve. */
    double shortfall(int j) {
        return excess[j] == null ? 0 : Math.max(0, excess[j].solutionValue());
    }

    /** Shadow price of each hard scenario row: how much E[M] would gain per unit its right-hand side dropped. */
    double[] duals(boolean[] losing) {
        double[] out = new double[excess.length];
        for (int j = 0; j < excess.length; j++) {
            if (rows[j] != null && !losing[j]) {
                out[j] = Math.abs(rows[j].dualValue());
            }
        }
        return out;
    }

    /** Max E[M] - penalty * sum_s p_s r_s e_s: every scenario may fall short, at a price. */
    double[] solveElastic(double penalty, double[] reweight) {
        if (penalty > 0) {
            addLossRows();
        }
        var objective = lp.objective();
        objective.clear();
        setMean();
        var scenarios = instance.scenarios();
        for (int j = 0; j < excess.length; j++) {
            if (excess[j] != null) {
                excess[j].setUb(Double.POSITIVE_INFINITY);
                objective.setCoefficient(excess[j], -penalty * scenarios.probability(j) * reweight[j]);
            }
        }
        objective.setMaximization();
        return solve();
    }

    /** Best weights when exactly the scenarios in {@code losing} may lose; null when that LP is infeasible. */
    PrimalHeuristic.Answer solveFixed(boolean[] losing) {
        allowLosses(losing);
        var objective = lp.objective();
        objective.clear();
        setMean();
        objective.setMaximization();
        double[] w = solve();
        return w == null ? null : answer(w);
    }

    /**
     * Best weights when exactly the scenarios in {@code losing} may lose, whether or not they fit the loss budget; null
     * when that LP is infeasible.
     */
    double[] solveFixedWeights(boolean[] losing) {
        allowLosses(losing);
        var objective = lp.objective();
        objective.clear();
        setMean();
        objective.setMaximization();
        return solve();
    }

    /** {@code w} as an answer whatever its losers, the scenarios that always lose included. */
    PrimalHeuristic.Answer anyAnswer(double[] w) {
        return new PrimalHeuristic.Answer(w, withForced(losers(w)), instance.expectedMoic(w));
    }

    /** {@code w} as an answer when its losers fit the budget, else null. */
    PrimalHeuristic.Answer answer(double[] w) {
        boolean[] actual = losers(w);
        if (mass(actual) > budget) {
            return null;
        }
        return new PrimalHeuristic.Answer(w, withForced(actual), instance.expectedMoic(w));
    }

    /**
     * Pass 2 without loss rows: the least {@code sum_b |w_b - 1/B|} with {@code E[M] >= floor}. A relaxation of pass
     * 2's MILP, so when its answer fits the loss budget no MILP can do better; null otherwise. Call once, on an LP that
     * has not priced or fixed losses.
     */
    PrimalHeuristic.Answer solveLeastDeviation(double floor) {
        LeastDeviation.set(lp, weights, instance.mean(), floor);
        double[] w = solve();
        return w == null ? null : answer(w);
    }

    /**
     * Pass 2's LP for one loss set: the least {@code sum_b |w_b - 1/B|} with {@code E[M] >= floor} when exactly the
     * scenarios in {@code losing} may lose; null when infeasible. Call once per LP (it adds the deviation rows).
     */
    PrimalHeuristic.Answer solveLeastDeviation(boolean[] losing, double floor) {
        allowLosses(losing);
        LeastDeviation.set(lp, weights, instance.mean(), floor);
        double[] w = solve();
        return w == null ? null : answer(w);
    }

    /** Exactly the scenarios in {@code losing} may fall short of 1; every other row is hard. */
    private void allowLosses(boolean[] losing) {
        addLossRows();
        for (int j = 0; j < excess.length; j++) {
            if (excess[j] != null) {
                excess[j].setUb(losing[j] ? Double.POSITIVE_INFINITY : 0);
            }
        }
    }

    private double[] solve() {
        if (allowance.expired()) {
            timedOut = true;
            return null;
        }
        solves++;
        // A caller changed the objective (and perhaps bounds): primal simplex from the last basis.
        simplex(PRIMAL_WARM);
        while (true) {
            lp.setTimeLimit(Math.max(1, allowance.remaining().toMillis()));
            if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) {
                // An LP the deadline cut short says nothing about feasibility.
                timedOut |= allowance.expired();
                return null;
            }
            double[] w = new double[weights.length];
            for (int b = 0; b < w.length; b++) {
                // GLOP may return a hair below 0; a weight is a share.
                w[b] = Math.max(0, weights[b].solutionValue());
            }
            // With the rows present so far the LP is a relaxation; an answer that meets the full CVaR is its optimum.
            var check = cvarRow == null ? CvarCheck.MET : addViolatedCvarRows(w);
            if (check == CvarCheck.MET) {
                return w;
            }
            if (check == CvarCheck.MISSED || allowance.expired()) {
                timedOut |= check != CvarCheck.MISSED;
                return null;
            }
            // Rows were added: the last optimal basis is still dual feasible.
            simplex(DUAL_WARM);
        }
    }

    private void simplex(String parameters) {
        if (!parameters.equals(simplex)) {
            simplex = parameters;
            lp.setSolverSpecificParametersAsString(parameters);
        }
    }

    /** Undecided scenarios whose MOIC under {@code w} misses 1 + margin. */
    boolean[] losers(double[] w) {
        boolean[] out = new boolean[excess.length];
        for (int j = 0; j < excess.length; j++) {
            out[j] = undecided[j] && moic(w, j) < 1 + Instance.LOSS_MARGIN;
        }
        return out;
    }

    /** The MILP's view: undecided losers plus the scenarios that lose whatever the weights. */
    private boolean[] withForced(boolean[] losers) {
        boolean[] out = losers.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] |= range.alwaysLoses(j);
        }
        return out;
    }

    /** Multiplicity of the undecided scenarios marked losing. */
    int mass(boolean[] losing) {
        int total = 0;
        for (int j = 0; j < losing.length; j++) {
            if (losing[j] && undecided[j]) {
                total += instance.scenarios().multiplicity()[j];
            }
        }
        return total;
    }

    private void setMean() {
        var objective = lp.objective();
        for (int b = 0; b < weights.length; b++) {
            objective.setCoefficient(weights[b], instance.mean()[b]);
        }
    }

    double moic(double[] w, int j) {
        return instance.scenarios().moic(j, w);
    }

    private void setMoic(MPConstraint row, int j) {
        MoicRow.set(row, weights, instance.scenarios().columns()[j]);
    }

    int solves() {
        return solves;
    }

    /** Whether the deadline passed before the search ended. */
    boolean timedOut() {
        return timedOut;
    }

    @Override
    public void close() {
        lp.delete();
    }
}
