package dev.vcportfolio.core.optimize;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A feasible answer for the MILP found with linear programs only (GLOP, single-threaded, deterministic), used as the
 * MILP's incumbent and as the objective floor that {@link MoicRange#under} tightens the model with.
 *
 * <p>Once the set L of scenarios allowed to lose is fixed, the MILP is an LP: maximize E[M] with {@code M_s >= 1 +
 * margin} for every scenario outside L. The search picks L in two steps:
 *
 * <ol>
 *   <li><b>Reweighted elastic LPs.</b> Every scenario row gets an excess {@code e_s >= 0} ({@code M_s + e_s >= 1 +
 *       margin}) priced {@code mu * p_s * r_s} in the objective; after each solve {@code r_s = 1 / (e_s + delta)},
 *       the iteratively reweighted L1 scheme for counting constraints: scenarios far from 1 get cheap and are given
 *       up, scenarios close to 1 get dear and are pushed over it. Each solution's actual losers, when they fit the
 *       budget, give a loss set; a plain L1 shortfall (the earlier "shortfall descent") spreads the excess over too
 *       many scenarios to ever fit at (40, 1000).
 *   <li><b>Swap local search</b> on the best loss set: the LP's duals name the non-losing scenario whose row costs the
 *       most; it enters L and a loser that the new weights lift over 1 leaves, while E[M] improves.
 * </ol>
 *
 * <p>All choices break ties by scenario index and the LP budget is a fixed count, so the answer depends only on the
 * instance. The answer is checked against the scenarios before it is returned.
 */
final class PrimalHeuristic implements AutoCloseable {

    /** A feasible answer: weights, which distinct scenarios lose, and its E[M]. */
    record Answer(double[] weights, boolean[] losing, double expectedMoic) {}

    /** Rows ask for 1 + 2 margins so GLOP's tolerances never leave a non-loss scenario below 1 + margin. */
    private static final double GOAL = 1 + 2 * Instance.LOSS_MARGIN;

    private static final double[] PENALTIES = {256, 64, 16, 8, 4, 2, 1};
    private static final int REWEIGHT_ROUNDS = 8;
    private static final double DELTA = 0.05;
    private static final int SWAP_LPS = 60;
    private static final int SWAP_CANDIDATES = 4;

    private final Instance instance;
    private final MoicRange range;
    private final MPSolver lp;
    private final MPVariable[] weights;
    private final MPVariable[] excess;
    private final MPConstraint[] rows;
    private final int budget;
    private int solves;

    private PrimalHeuristic(Instance instance) {
        OrTools.load();
        this.instance = instance;
        var limits = instance.limits();
        this.range = MoicRange.of(instance.scenarios(), limits.bucketMaxWeight());
        this.lp = MPSolver.createSolver("GLOP");
        int bucketCount = instance.bucketCount();
        weights = new MPVariable[bucketCount];
        for (int b = 0; b < bucketCount; b++) {
            weights[b] = lp.makeNumVar(0, limits.bucketMaxWeight(), "w" + b);
        }
        var budgetRow = lp.makeConstraint(1, 1, "budget");
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
        int forced = 0;
        for (int j = 0; j < scenarios.size(); j++) {
            if (range.neverLoses(j)) {
                continue;
            }
            if (range.alwaysLoses(j)) {
                forced += scenarios.multiplicity()[j];
                continue;
            }
            excess[j] = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "e" + j);
            rows[j] = lp.makeConstraint(GOAL, Double.POSITIVE_INFINITY, "loss_" + j);
            setMoic(rows[j], j);
            rows[j].setCoefficient(excess[j], 1);
        }
        this.budget = instance.lossBudget() - forced;
        if (instance.cvarActive()) {
            var tau = lp.makeNumVar(0, 1, "tau");
            var cvar = lp.makeConstraint(Double.NEGATIVE_INFINITY, limits.cvarLimit(), "cvar");
            cvar.setCoefficient(tau, 1);
            double scale = 1 / ((1 - limits.cvarConfidence()) * scenarios.totalScenarios());
            for (int j = 0; j < scenarios.size(); j++) {
                if (range.low()[j] >= 1) {
                    continue;
                }
                var u = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "u" + j);
                var row = lp.makeConstraint(1, Double.POSITIVE_INFINITY, "cvar_" + j);
                setMoic(row, j);
                row.setCoefficient(tau, 1);
                row.setCoefficient(u, 1);
                cvar.setCoefficient(u, scale * scenarios.multiplicity()[j]);
            }
        }
    }

    /** Empty when no loss set fitting the budget was found (the MILP may still be feasible). */
    static Optional<Answer> find(Instance instance) {
        try (var heuristic = new PrimalHeuristic(instance)) {
            return heuristic.budget < 0 ? Optional.empty() : heuristic.search();
        }
    }

    private Optional<Answer> search() {
        // When the best allocation without loss rows already fits the budget it is optimal (loose limits): one LP.
        double[] free = solveElastic(0, new double[excess.length]);
        if (free == null) {
            return Optional.empty();
        }
        if (mass(losers(free)) <= budget) {
            return Optional.ofNullable(solveFixed(losers(free)));
        }
        var best = reweighted();
        return best == null ? Optional.empty() : Optional.of(localSearch(best));
    }

    /**
     * Penalties from the most loss-averse down: the first finds a loss set if any round can, lower ones trade losses
     * for E[M]. When the most loss-averse penalty finds nothing, the search stops (the instance is likely infeasible
     * or needs the MILP), so a hopeless instance costs {@code REWEIGHT_ROUNDS} LPs pairs, not all of them.
     */
    private Answer reweighted() {
        Answer best = null;
        for (double penalty : PENALTIES) {
            var found = rounds(penalty);
            if (found == null && best == null) {
                break;
            }
            best = better(best, found);
        }
        return best;
    }

    /** Reweighting rounds at one penalty: the best loss set found (fitting or repaired), or null. */
    private Answer rounds(double penalty) {
        int count = excess.length;
        double[] reweight = new double[count];
        Arrays.fill(reweight, 1);
        Answer best = null;
        for (int round = 0; round < REWEIGHT_ROUNDS; round++) {
            double[] w = solveElastic(penalty, reweight);
            if (w == null) {
                return best;
            }
            double[] shortBy = new double[count];
            for (int j = 0; j < count; j++) {
                shortBy[j] = excess[j] == null ? 0 : Math.max(0, excess[j].solutionValue());
            }
            boolean[] losers = losers(w);
            if (mass(losers) <= budget) {
                return better(best, solveFixed(losers));
            }
            // Too many losers: let the worst ones lose and ask the rest to reach 1 (often feasible when close).
            best = better(best, solveFixed(worst(w)));
            for (int j = 0; j < count; j++) {
                reweight[j] = 1 / (shortBy[j] + DELTA);
            }
        }
        return best;
    }

    /** The scenarios furthest below 1 under {@code w}, as many as the budget holds. */
    private boolean[] worst(double[] w) {
        boolean[] losing = new boolean[excess.length];
        int left = budget;
        for (int j : ranked(j -> moic(w, j) < 1 + Instance.LOSS_MARGIN, j -> moic(w, j))) {
            int m = instance.scenarios().multiplicity()[j];
            if (m <= left) {
                losing[j] = true;
                left -= m;
            }
        }
        return losing;
    }

    /**
     * First-improvement swaps on the loss set: free budget goes to the non-losers with the largest duals; with no
     * budget left, the dearest non-loser enters and the loser closest to 1 leaves, kept only when E[M] rises.
     */
    private Answer localSearch(Answer start) {
        var best = start;
        var tried = new java.util.HashSet<Long>();
        int limit = solves + SWAP_LPS;
        while (solves < limit) {
            var next = improve(best, tried, limit);
            if (next == null) {
                break;
            }
            best = next;
        }
        return best;
    }

    private Answer improve(Answer best, java.util.Set<Long> tried, int limit) {
        boolean[] current = best.losing();
        double[] w = best.weights();
        solveFixed(current); // the incumbent's LP again, for its duals
        double[] dual = duals(current);
        var entering = ranked(j -> !current[j] && dual[j] > 1e-9, j -> -dual[j]);
        int free = budget - mass(current);
        if (free > 0) {
            boolean[] losing = current.clone();
            for (int j : entering) {
                int m = instance.scenarios().multiplicity()[j];
                if (m <= free) {
                    losing[j] = true;
                    free -= m;
                }
            }
            return improvement(best, solveFixed(losing));
        }
        var leaving = ranked(j -> current[j], j -> -moic(w, j));
        for (int in : entering.subList(0, Math.min(SWAP_CANDIDATES, entering.size()))) {
            for (int out : leaving.subList(0, Math.min(SWAP_CANDIDATES, leaving.size()))) {
                if (solves >= limit) {
                    return null;
                }
                var scenarios = instance.scenarios();
                if (scenarios.multiplicity()[in] > scenarios.multiplicity()[out]
                        || !tried.add((long) in * excess.length + out)) {
                    continue;
                }
                boolean[] losing = current.clone();
                losing[in] = true;
                losing[out] = false;
                var trial = improvement(best, solveFixed(losing));
                if (trial != null) {
                    return trial;
                }
            }
        }
        return null;
    }

    private static Answer improvement(Answer best, Answer trial) {
        return trial != null && trial.expectedMoic() > best.expectedMoic() + 1e-9 ? trial : null;
    }

    private List<Integer> ranked(java.util.function.IntPredicate keep, java.util.function.IntToDoubleFunction key) {
        var out = new ArrayList<Integer>();
        for (int j = 0; j < excess.length; j++) {
            if (excess[j] != null && keep.test(j)) {
                out.add(j);
            }
        }
        out.sort(Comparator.<Integer>comparingDouble(key::applyAsDouble).thenComparingInt(j -> j));
        return out;
    }

    /** Shadow price of each hard scenario row: how much E[M] would gain per unit its right-hand side dropped. */
    private double[] duals(boolean[] losing) {
        double[] out = new double[excess.length];
        for (int j = 0; j < excess.length; j++) {
            if (rows[j] != null && !losing[j]) {
                out[j] = Math.abs(rows[j].dualValue());
            }
        }
        return out;
    }

    /** Max E[M] - penalty * sum_s p_s r_s e_s: every scenario may fall short, at a price. */
    private double[] solveElastic(double penalty, double[] reweight) {
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
    private Answer solveFixed(boolean[] losing) {
        var objective = lp.objective();
        objective.clear();
        setMean();
        objective.setMaximization();
        for (int j = 0; j < excess.length; j++) {
            if (excess[j] != null) {
                excess[j].setUb(losing[j] ? Double.POSITIVE_INFINITY : 0);
            }
        }
        double[] w = solve();
        if (w == null) {
            return null;
        }
        boolean[] actual = losers(w);
        if (mass(actual) > budget) {
            return null;
        }
        return new Answer(w, withForced(actual), expected(w));
    }

    private double[] solve() {
        solves++;
        if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) {
            return null;
        }
        double[] w = new double[weights.length];
        for (int b = 0; b < w.length; b++) {
            // GLOP may return a hair below 0; a weight is a share.
            w[b] = Math.max(0, weights[b].solutionValue());
        }
        return w;
    }

    /** Undecided scenarios whose MOIC under {@code w} misses 1 + margin. */
    private boolean[] losers(double[] w) {
        boolean[] out = new boolean[excess.length];
        for (int j = 0; j < excess.length; j++) {
            out[j] = excess[j] != null && moic(w, j) < 1 + Instance.LOSS_MARGIN;
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

    private int mass(boolean[] losing) {
        int total = 0;
        for (int j = 0; j < losing.length; j++) {
            if (losing[j] && excess[j] != null) {
                total += instance.scenarios().multiplicity()[j];
            }
        }
        return total;
    }

    private static Answer better(Answer a, Answer b) {
        if (b == null) {
            return a;
        }
        return a == null || b.expectedMoic() > a.expectedMoic() + 1e-12 ? b : a;
    }

    private void setMean() {
        var objective = lp.objective();
        for (int b = 0; b < weights.length; b++) {
            objective.setCoefficient(weights[b], instance.mean()[b]);
        }
    }

    private double expected(double[] w) {
        double sum = 0;
        for (int b = 0; b < w.length; b++) {
            sum += instance.mean()[b] * w[b];
        }
        return sum;
    }

    private double moic(double[] w, int j) {
        double[] column = instance.scenarios().columns()[j];
        double sum = 0;
        for (int b = 0; b < w.length; b++) {
            sum += column[b] * w[b];
        }
        return sum;
    }

    private void setMoic(MPConstraint row, int j) {
        double[] column = instance.scenarios().columns()[j];
        for (int b = 0; b < column.length; b++) {
            if (column[b] != 0) {
                row.setCoefficient(weights[b], column[b]);
            }
        }
    }

    int solves() {
        return solves;
    }

    @Override
    public void close() {
        lp.delete();
    }
}
