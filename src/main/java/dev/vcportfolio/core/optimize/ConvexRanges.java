package dev.vcportfolio.core.optimize;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * Scenario MOIC ranges under every convex limit of a request: the capped simplex, {@code mean . w >= floor}, the sector
 * and stage bounds, the winners floor and the CVaR limit, by exact LPs (GLOP). {@link MoicRange#under} is exact for the
 * first two alone; the others, unlike the loss count, can shrink every scenario's range before any branching: at
 * (20,250) with loss at most 50/250 and CVaR(0.95) at most 0.6448, at the floor 2.32826 it leaves 89 scenarios
 * undecided where the floor alone ({@link MoicRange#under}) leaves 136 (130 instead of 89 can no longer lose, 31
 * instead of 25 must). Only scenarios those cheaper bounds leave undecided are solved for, two LPs each, re-solved warm
 * from the last basis.
 *
 * <p>With {@code cvarRows} only the marked scenarios' CVaR rows are in the LP: a relaxation of the CVaR limit, so the
 * ranges stay valid for any model that carries at least those rows.
 */
final class ConvexRanges {

    private ConvexRanges() {}

    /** Whether any limit beyond the caps and the floor is there to tighten the ranges. */
    static boolean apply(Instance instance) {
        return instance.cvarActive()
                || instance.limits().minExpectedWinners() > 0
                || instance.groups().stream()
                        .anyMatch(g -> g.bounds().min() > 0 || g.bounds().max() < 1);
    }

    /**
     * The ranges under every convex limit; once {@code budget} has expired the scenarios not reached yet keep the bounds
     * of {@code under} (each bound found is valid alone).
     */
    static MoicRange tighten(Instance instance, double floor, MoicRange under, boolean[] cvarRows, Budget budget) {
        OrTools.load();
        var scenarios = instance.scenarios();
        var limits = instance.limits();
        int bucketCount = instance.bucketCount();
        double[] low = under.low().clone();
        double[] high = under.high().clone();
        var lp = MPSolver.createSolver(Backend.GLOP.orToolsId());
        try {
            var w = new MPVariable[bucketCount];
            for (int b = 0; b < bucketCount; b++) {
                w[b] = lp.makeNumVar(0, instance.grid().cap(b, limits.bucketMaxWeight()), "w" + b);
            }
            var sum = lp.makeConstraint(instance.grid().leastInvested(), 1, "budget");
            var cutoff = lp.makeConstraint(floor, Double.POSITIVE_INFINITY, "floor");
            for (int b = 0; b < bucketCount; b++) {
                sum.setCoefficient(w[b], 1);
                cutoff.setCoefficient(w[b], instance.mean()[b]);
            }
            for (var group : instance.groups()) {
                if (group.bounds().min() > 0 || group.bounds().max() < 1) {
                    var row = lp.makeConstraint(
                            group.bounds().min(), group.bounds().max(), "g_" + group.name());
                    for (int b : group.members()) {
                        row.setCoefficient(w[b], 1);
                    }
                }
            }
            if (limits.minExpectedWinners() > 0) {
                var row = lp.makeConstraint(limits.minExpectedWinners(), Double.POSITIVE_INFINITY, "winners");
                for (int b = 0; b < bucketCount; b++) {
                    row.setCoefficient(w[b], instance.winners()[b]);
                }
            }
            if (instance.cvarActive()) {
                addCvarRows(lp, w, instance, under, cvarRows);
            }
            // Every solve after the first changes only the objective: primal simplex from the last basis.
            lp.setSolverSpecificParametersAsString("use_preprocessing:false use_dual_simplex:false");
            var objective = lp.objective();
            for (int j = 0; j < scenarios.size() && !budget.expired(); j++) {
                if (under.neverLoses(j) || under.alwaysLoses(j)) {
                    continue;
                }
                double[] column = scenarios.columns()[j];
                for (int b = 0; b < bucketCount; b++) {
                    objective.setCoefficient(w[b], column[b]);
                }
                objective.setMinimization();
                // An LP the deadline cuts short gives no bound: the ranges found so far stand.
                lp.setTimeLimit(Math.max(1, budget.remaining().toMillis()));
                if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) {
                    // No allocation reaches the floor within the CVaR limit (or GLOP gave up): keep the bounds.
                    return stopped(budget, under, low, high);
                }
                // GLOP's answer is optimal to its tolerances; a hair of slack keeps the bound valid.
                low[j] = Math.max(low[j], objective.value() - SLACK);
                objective.setMaximization();
                if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) {
                    return stopped(budget, under, low, high);
                }
                high[j] = Math.min(high[j], objective.value() + SLACK);
            }
            return new MoicRange(low, high);
        } finally {
            lp.delete();
        }
    }

    /** After an LP without an optimum: cut short by the deadline, the bounds found so far hold; else none does. */
    private static MoicRange stopped(Budget budget, MoicRange under, double[] low, double[] high) {
        return budget.expired() ? new MoicRange(low, high) : under;
    }

    private static void addCvarRows(
            MPSolver lp, MPVariable[] w, Instance instance, MoicRange under, boolean[] cvarRows) {
        var scenarios = instance.scenarios();
        var limits = instance.limits();
        var tau = lp.makeNumVar(0, 1, "tau");
        var cvar = lp.makeConstraint(Double.NEGATIVE_INFINITY, limits.cvarLimit(), "cvar");
        cvar.setCoefficient(tau, 1);
        double scale = 1 / ((1 - limits.cvarConfidence()) * scenarios.totalScenarios());
        for (int j = 0; j < scenarios.size(); j++) {
            if (under.low()[j] >= 1 || (cvarRows != null && !cvarRows[j])) {
                continue;
            }
            var u = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "u" + j);
            var row = lp.makeConstraint(1, Double.POSITIVE_INFINITY, "cvar_" + j);
            MoicRow.set(row, w, scenarios.columns()[j]);
            row.setCoefficient(tau, 1);
            row.setCoefficient(u, 1);
            cvar.setCoefficient(u, scale * scenarios.multiplicity()[j]);
        }
    }

    /** Slack on LP bounds for GLOP's tolerances (1e-7 primal feasibility), far below the loss margin's 1e-6. */
    private static final double SLACK = 1e-7;
}
