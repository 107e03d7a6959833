package dev.vcportfolio.core.optimize;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The chance-constrained MILP of DESIGN 8 on one backend, built in canonical order (weights, then scenarios in
 * {@link ScenarioSet} order, then groups in {@link Instance} order) so one request always gives one model.
 *
 * <p>Tuned loss row per undecided scenario j: {@code sum_b v_bj w_b + (1 + margin - L_j) z_j >= 1 + margin}. Textbook
 * rows: {@code y_s + sum_b v_bs w_b >= 1, y_s <= z_s, (1/S) sum z_s <= alpha}. The objective {@code E[M]} is
 * {@code sum_b mean_b w_b}, so no per-scenario MOIC variable is needed.
 */
final class MilpModel implements AutoCloseable {

    final MPSolver solver;
    final MPVariable[] weights;
    /** Per distinct scenario: its loss flag, or null when fixed by {@link MoicRange}. */
    final MPVariable[] lossFlags;
    /** Per distinct scenario: 1 when it must lose whatever the weights (its flag is fixed to 1). */
    final boolean[] forcedLoss;

    final Goal goal;

    private final Instance instance;
    private final ModelOptions options;
    private MPVariable capVariable;
    // Auxiliary variables by role, so a hint can give every variable a value (SCIP takes a complete hint as a
    // solution after checking it; a partial one only seeds a sub-MIP that may fail).
    private MPVariable tauVariable;
    private final MPVariable[] cvarExcess;
    private final MPVariable[] shortfall;
    private final MPVariable[] deviation;
    // Whole deals: per row its deal count, and (with a minimum per used row) whether it is used.
    private final MPVariable[] dealCounts;
    private final MPVariable[] usedRows;
    private MixingRows mixing = MixingRows.NONE;

    /** Only allocations with {@code E[M] >= floor} matter (NaN: no floor known). */
    private final double floor;

    /** Per distinct scenario, whether it gets a CVaR row; null: every scenario that can lose (see {@link #build}). */
    private final boolean[] cvarRows;

    private MilpModel(
            Instance instance, ModelOptions options, Goal goal, double floor, boolean[] cvarRows, MPSolver solver) {
        this.floor = floor;
        this.cvarRows = cvarRows;
        this.instance = instance;
        this.options = options;
        this.goal = goal;
        this.solver = solver;
        int scenarios = instance.scenarios().size();
        this.weights = new MPVariable[instance.bucketCount()];
        this.lossFlags = new MPVariable[scenarios];
        this.forcedLoss = new boolean[scenarios];
        this.cvarExcess = new MPVariable[scenarios];
        this.shortfall = new MPVariable[scenarios];
        this.deviation = new MPVariable[instance.bucketCount()];
        this.dealCounts = new MPVariable[instance.bucketCount()];
        this.usedRows = new MPVariable[instance.bucketCount()];
    }

    static MilpModel build(Instance instance, ModelOptions options, Backend backend, Goal goal) {
        return build(instance, options, backend, goal, Double.NaN);
    }

    /**
     * @param floor only allocations with {@code E[M] >= floor} matter (NaN: none known); a {@link Goal.FewestLosses}
     *     brings its own
     */
    static MilpModel build(Instance instance, ModelOptions options, Backend backend, Goal goal, double floor) {
        return build(instance, options, backend, goal, floor, null, Budget.generous());
    }

    /**
     * @param cvarRows when not null, only the scenarios marked get a CVaR row: fewer rows measure less of the tail, so
     *     the model is a relaxation (a proof step's infeasibility stays a proof; an allocation it finds must be
     *     checked)
     * @param allowance the request's budget: once it has expired, the convex ranges' LPs stop and the model makes do with the bounds found
     */
    static MilpModel build(
            Instance instance,
            ModelOptions options,
            Backend backend,
            Goal goal,
            double floor,
            boolean[] cvarRows,
            Budget allowance) {
        OrTools.load();
        var solver = MPSolver.createSolver(backend.orToolsId());
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no " + backend + " backend in this build");
        }
        double at = goal instanceof Goal.FewestLosses proof ? proof.floor() : floor;
        var model = new MilpModel(instance, options, goal, at, cvarRows, solver);
        model.addRows(allowance);
        return model;
    }

    private boolean frees(ConstraintKind kind) {
        return goal instanceof Goal.LeastMove(var k, var g) && k == kind;
    }

    private boolean frees(BucketGroup group, ConstraintKind kind) {
        return goal instanceof Goal.LeastMove(var k, var g) && k == kind && g.equals(group.name());
    }

    private void addRows(Budget allowance) {
        var limits = instance.limits();
        int bucketCount = instance.bucketCount();
        double cap = frees(ConstraintKind.BUCKET_CAP) ? 1 : limits.bucketMaxWeight();
        for (int b = 0; b < bucketCount; b++) {
            weights[b] = solver.makeNumVar(0, instance.grid().cap(b, cap), "w" + b);
        }
        if (instance.grid().whole()) {
            addDealRows(cap);
        }
        var budget = solver.makeConstraint(instance.grid().leastInvested(), 1, "budget");
        for (var w : weights) {
            budget.setCoefficient(w, 1);
        }
        if (frees(ConstraintKind.BUCKET_CAP)) {
            capVariable = solver.makeNumVar(0, 1, "cap");
            for (var w : weights) {
                var row = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "cap_" + w.name());
                row.setCoefficient(w, 1);
                row.setCoefficient(capVariable, -1);
            }
        }
        addGroupRows();
        if (!frees(ConstraintKind.EXPECTED_WINNERS) && limits.minExpectedWinners() > 0) {
            var row = solver.makeConstraint(limits.minExpectedWinners(), Double.POSITIVE_INFINITY, "winners");
            for (int b = 0; b < bucketCount; b++) {
                row.setCoefficient(weights[b], instance.winners()[b]);
            }
        }
        if (options.textbook()) {
            addTextbookRiskRows();
        } else {
            // The floor shrinks the set the fixings and big-Ms are valid on; the cutoff row (or pass 2's lock row)
            // keeps the model inside that set, so every answer it gives is feasible for the request. A proof step's
            // floor is its question, so it always has the row.
            boolean proof = goal instanceof Goal.FewestLosses;
            double leastMass = instance.grid().leastInvested();
            boolean useFloor =
                    (options.objectiveFloor() || proof) && !Double.isNaN(floor) && !frees(ConstraintKind.BUCKET_CAP);
            var range = useFloor
                    ? MoicRange.under(instance.scenarios(), cap, leastMass, instance.mean(), floor)
                    : MoicRange.of(instance.scenarios(), cap, leastMass);
            if (proof && useFloor && ConvexRanges.apply(instance)) {
                range = ConvexRanges.tighten(instance, floor, range, cvarRows, allowance);
            }
            addTunedRiskRows(range);
            if (options.mixingRows() && !frees(ConstraintKind.LOSS_PROBABILITY) && !proof) {
                mixing = MixingRows.add(solver, instance, weights, lossFlags, forcedLoss, cap);
            }
            if (useFloor && (goal instanceof Goal.MaxExpectedMoic || proof)) {
                var row = solver.makeConstraint(floor, Double.POSITIVE_INFINITY, "cutoff");
                for (int b = 0; b < bucketCount; b++) {
                    row.setCoefficient(weights[b], instance.mean()[b]);
                }
            }
        }
        setObjective();
    }

    /**
     * Whole deals: {@code w_b = step_b * n_b} with {@code n_b} an integer up to what the cap holds; with a minimum per
     * used row, {@code least * y_b <= n_b <= most * y_b} for a binary {@code y_b}.
     */
    private void addDealRows(double cap) {
        var grid = instance.grid();
        for (int b = 0; b < weights.length; b++) {
            if (!grid.counted(b)) {
                continue;
            }
            double step = grid.step()[b];
            int most = DealGrid.most(step, cap);
            if (most < grid.least()) {
                continue; // a row that cannot hold its minimum (or one deal) is not used: its cap is 0
            }
            var n = solver.makeIntVar(0, most, "n" + b);
            dealCounts[b] = n;
            var link = solver.makeConstraint(0, 0, "deals_" + b);
            link.setCoefficient(weights[b], 1);
            link.setCoefficient(n, -step);
            if (grid.least() > 1 && most > 0) {
                var used = solver.makeIntVar(0, 1, "used" + b);
                usedRows[b] = used;
                var atLeast = solver.makeConstraint(0, Double.POSITIVE_INFINITY, "least_" + b);
                atLeast.setCoefficient(n, 1);
                atLeast.setCoefficient(used, -grid.least());
                var atMost = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "most_" + b);
                atMost.setCoefficient(n, 1);
                atMost.setCoefficient(used, -most);
            }
        }
    }

    private void addGroupRows() {
        for (var group : instance.groups()) {
            var kindMin =
                    group.kind() == BucketGroup.Kind.SECTOR ? ConstraintKind.SECTOR_MIN : ConstraintKind.STAGE_MIN;
            var kindMax =
                    group.kind() == BucketGroup.Kind.SECTOR ? ConstraintKind.SECTOR_MAX : ConstraintKind.STAGE_MAX;
            double lo = frees(group, kindMin) ? 0 : group.bounds().min();
            double hi = frees(group, kindMax) ? 1 : group.bounds().max();
            if (lo <= 0 && hi >= 1) {
                continue;
            }
            var row = solver.makeConstraint(lo, hi, "group_" + group.kind() + "_" + group.name());
            for (int b : group.members()) {
                row.setCoefficient(weights[b], 1);
            }
        }
    }

    private void addTunedRiskRows(MoicRange range) {
        var scenarios = instance.scenarios();
        double target = 1 + Instance.LOSS_MARGIN;
        var lossBudget = frees(ConstraintKind.LOSS_PROBABILITY)
                ? null
                : solver.makeConstraint(Double.NEGATIVE_INFINITY, instance.lossBudget(), "loss_budget");
        int forcedCount = 0;
        // A budget that lets every scenario lose constrains nothing: no flags, no rows.
        boolean vacuous = lossBudget != null && instance.lossBudget() >= scenarios.totalScenarios();
        for (int j = 0; j < scenarios.size() && !vacuous; j++) {
            boolean fix = options.fixDecidedScenarios();
            if (fix && range.neverLoses(j)) {
                continue;
            }
            if (fix && range.alwaysLoses(j)) {
                forcedLoss[j] = true;
                forcedCount += scenarios.multiplicity()[j];
                continue;
            }
            var z = solver.makeIntVar(0, 1, "z" + j);
            lossFlags[j] = z;
            double bigM = options.tightBigM() ? target - Math.min(range.low()[j], 1) : target;
            var row = solver.makeConstraint(target, Double.POSITIVE_INFINITY, "loss_" + j);
            setScenarioMoic(row, j);
            row.setCoefficient(z, bigM);
            if (lossBudget != null) {
                lossBudget.setCoefficient(z, scenarios.multiplicity()[j]);
            }
        }
        if (lossBudget != null) {
            lossBudget.setBounds(Double.NEGATIVE_INFINITY, instance.lossBudget() - forcedCount);
        }
        if (instance.cvarActive() || frees(ConstraintKind.CVAR)) {
            // tau >= 0 is no restriction: the VaR of a non-negative loss is non-negative, and with tau >= 0 the
            // shortfall variable y_s = max(0, 1 - M_s) folds into u_s >= 1 - M_s - tau.
            var tau = solver.makeNumVar(0, 1, "tau");
            tauVariable = tau;
            var cvar = cvarRow(tau);
            double scale = 1 / ((1 - instance.limits().cvarConfidence()) * scenarios.totalScenarios());
            for (int j = 0; j < scenarios.size(); j++) {
                if (range.low()[j] >= 1 || (cvarRows != null && !cvarRows[j])) {
                    continue;
                }
                var u = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "u" + j);
                cvarExcess[j] = u;
                var row = solver.makeConstraint(1, Double.POSITIVE_INFINITY, "cvar_" + j);
                setScenarioMoic(row, j);
                row.setCoefficient(tau, 1);
                row.setCoefficient(u, 1);
                cvar.setCoefficient(u, scale * scenarios.multiplicity()[j]);
            }
        }
    }

    private void addTextbookRiskRows() {
        var scenarios = instance.scenarios();
        int total = scenarios.totalScenarios();
        var lossBudget = frees(ConstraintKind.LOSS_PROBABILITY)
                ? null
                : solver.makeConstraint(
                        Double.NEGATIVE_INFINITY, instance.limits().maxLossProbability(), "loss_budget");
        var shortfalls = new MPVariable[scenarios.size()];
        for (int j = 0; j < scenarios.size(); j++) {
            var y = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "y" + j);
            shortfall[j] = y;
            shortfalls[j] = y;
            var z = solver.makeIntVar(0, 1, "z" + j);
            lossFlags[j] = z;
            var row = solver.makeConstraint(1, Double.POSITIVE_INFINITY, "shortfall_" + j);
            setScenarioMoic(row, j);
            row.setCoefficient(y, 1);
            var link = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "link_" + j);
            link.setCoefficient(y, 1);
            link.setCoefficient(z, -1);
            if (lossBudget != null) {
                lossBudget.setCoefficient(z, (double) scenarios.multiplicity()[j] / total);
            }
        }
        if (instance.cvarActive() || frees(ConstraintKind.CVAR)) {
            var tau = solver.makeNumVar(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "tau");
            tauVariable = tau;
            var cvar = cvarRow(tau);
            double scale = 1 / ((1 - instance.limits().cvarConfidence()) * total);
            for (int j = 0; j < scenarios.size(); j++) {
                var u = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "u" + j);
                cvarExcess[j] = u;
                var row = solver.makeConstraint(0, Double.POSITIVE_INFINITY, "cvar_" + j);
                row.setCoefficient(u, 1);
                row.setCoefficient(shortfalls[j], -1);
                row.setCoefficient(tau, 1);
                cvar.setCoefficient(u, scale * scenarios.multiplicity()[j]);
            }
        }
    }

    /** The CVaR limit row, or (when CVaR is being relaxed) the objective row holder with no upper bound. */
    private MPConstraint cvarRow(MPVariable tau) {
        double limit = frees(ConstraintKind.CVAR)
                ? Double.POSITIVE_INFINITY
                : instance.limits().cvarLimit();
        var row = solver.makeConstraint(Double.NEGATIVE_INFINITY, limit, "cvar_limit");
        row.setCoefficient(tau, 1);
        cvarExpression = row;
        return row;
    }

    private MPConstraint cvarExpression;

    private void setScenarioMoic(MPConstraint row, int j) {
        MoicRow.set(row, weights, instance.scenarios().columns()[j]);
    }

    private void setObjective() {
        MPObjective objective = solver.objective();
        switch (goal) {
            case Goal.MaxExpectedMoic() -> {
                setMean(objective);
                objective.setMaximization();
            }
            case Goal.MinDeviation(double floor) -> {
                var d = LeastDeviation.set(solver, weights, instance.mean(), floor);
                System.arraycopy(d, 0, deviation, 0, d.length);
            }
            case Goal.LeastMove(var kind, var group) -> setLeastMove(objective, kind, group);
            case Goal.FewestLosses(double floor, double deviationCap) -> setFewestLosses(objective, deviationCap);
        }
    }

    /** A proof step: count the losing scenarios (by multiplicity); the budget row still caps them. */
    private void setFewestLosses(MPObjective objective, double deviationCap) {
        var scenarios = instance.scenarios();
        for (int j = 0; j < lossFlags.length; j++) {
            if (lossFlags[j] != null) {
                objective.setCoefficient(lossFlags[j], scenarios.multiplicity()[j]);
            }
        }
        objective.setMinimization();
        if (deviationCap < Double.POSITIVE_INFINITY) {
            var d = LeastDeviation.capped(solver, weights, deviationCap);
            System.arraycopy(d, 0, deviation, 0, d.length);
        }
    }

    private void setLeastMove(MPObjective objective, ConstraintKind kind, String group) {
        switch (kind) {
            case EXPECTED_WINNERS -> {
                for (int b = 0; b < weights.length; b++) {
                    objective.setCoefficient(weights[b], instance.winners()[b]);
                }
                objective.setMaximization();
            }
            case BUCKET_CAP -> {
                objective.setCoefficient(capVariable, 1);
                objective.setMinimization();
            }
            case SECTOR_MIN, SECTOR_MAX, STAGE_MIN, STAGE_MAX -> {
                var wanted = kind == ConstraintKind.SECTOR_MIN || kind == ConstraintKind.SECTOR_MAX
                        ? BucketGroup.Kind.SECTOR
                        : BucketGroup.Kind.STAGE;
                for (var g : instance.groups()) {
                    if (g.kind() == wanted && g.name().equals(group)) {
                        for (int b : g.members()) {
                            objective.setCoefficient(weights[b], 1);
                        }
                    }
                }
                if (kind.isLowerBound()) {
                    objective.setMaximization();
                } else {
                    objective.setMinimization();
                }
            }
            case CVAR -> {
                for (var v : solver.variables()) {
                    double c = cvarExpression.getCoefficient(v);
                    if (c != 0) {
                        objective.setCoefficient(v, c);
                    }
                }
                objective.setMinimization();
            }
            case LOSS_PROBABILITY -> {
                var scenarios = instance.scenarios();
                double unit = options.textbook() ? 1.0 / scenarios.totalScenarios() : 1;
                for (int j = 0; j < lossFlags.length; j++) {
                    if (lossFlags[j] != null) {
                        objective.setCoefficient(lossFlags[j], unit * scenarios.multiplicity()[j]);
                    }
                }
                objective.setMinimization();
            }
            case BUDGET -> throw new IllegalArgumentException("the budget is never relaxed");
        }
    }

    private void setMean(MPObjective objective) {
        for (int b = 0; b < weights.length; b++) {
            objective.setCoefficient(weights[b], instance.mean()[b]);
        }
    }

    /**
     * Hints a complete solution: the weights and loss flags given, every auxiliary variable at the value they imply
     * (shortfalls, the CVaR threshold at its best, mixing prefixes, deviations). Ignored by backends without hints.
     */
    void hint(double[] w, boolean[] losing) {
        var scenarios = instance.scenarios();
        int count = scenarios.size();
        double[] loss = new double[count];
        for (int j = 0; j < count; j++) {
            loss[j] = Math.max(0, 1 - scenarios.moic(j, w));
        }
        var vars = solver.variables();
        double[] values = new double[vars.length];
        for (int b = 0; b < weights.length; b++) {
            values[weights[b].index()] = w[b];
            if (deviation[b] != null) {
                values[deviation[b].index()] = Math.abs(w[b] - 1.0 / weights.length);
            }
            if (dealCounts[b] != null) {
                long deals = instance.grid().deals(b, w[b]);
                values[dealCounts[b].index()] = deals;
                if (usedRows[b] != null) {
                    values[usedRows[b].index()] = deals > 0 ? 1 : 0;
                }
            }
        }
        if (capVariable != null) {
            values[capVariable.index()] = java.util.Arrays.stream(w).max().orElse(0);
        }
        double tau = tauVariable == null
                ? 0
                : Cvar.of(
                                loss,
                                scenarios.multiplicity(),
                                scenarios.totalScenarios(),
                                instance.limits().cvarConfidence())
                        .threshold();
        if (tauVariable != null) {
            values[tauVariable.index()] = tau;
        }
        for (int j = 0; j < count; j++) {
            if (lossFlags[j] != null) {
                values[lossFlags[j].index()] = losing[j] ? 1 : 0;
            }
            if (shortfall[j] != null) {
                values[shortfall[j].index()] = loss[j];
            }
            if (cvarExcess[j] != null) {
                values[cvarExcess[j].index()] = Math.max(0, loss[j] - tau);
            }
        }
        mixing.hint(losing, values);
        solver.setHint(vars, values);
    }

    /**
     * Keeps every scenario not marked {@code free} from losing (its flag fixed to 0); the marked ones stay the solver's
     * to decide. With few marked, a small integer program in the deal counts (the rounding of {@link DealRounding}).
     */
    void fixSafe(boolean[] free) {
        for (int j = 0; j < lossFlags.length; j++) {
            if (lossFlags[j] != null && !free[j]) {
                lossFlags[j].setBounds(0, 0);
            }
        }
    }

    Instance instance() {
        return instance;
    }

    @Override
    public void close() {
        solver.delete();
    }
}
