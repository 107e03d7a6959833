package dev.vcportfolio.core.optimize;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A fast feasible answer for the MILP's warm start, from linear programs only (GLOP, deterministic).
 *
 * <p>Fixing which scenarios may lose turns the MILP into an LP. Candidate loss sets are the worst scenarios under the
 * LP relaxation's weights, else the result of an LP dive on the flags; a few rounds of local search then re-pick the worst scenarios under the current weights, which never lowers E[M]. ALSO-X
 * (bisection on the target, loss set = support of the relaxed flags) was tried first and dropped: on the benchmark
 * instances the relaxed flags spread over far more scenarios than the budget, so it found no loss set; so was the
 * CVaR approximation, infeasible there because heavy tails put the worst-alpha average below 1.
 */
final class PrimalHeuristic implements AutoCloseable {

    /** A feasible answer: weights, which distinct scenarios lose, and its E[M]. */
    record Answer(double[] weights, boolean[] losing, double expectedMoic) {}

    private static final int LOCAL_ROUNDS = 4;
    private static final int DIVE_LIMIT = 12;

    private final Instance instance;
    private final MoicRange range;
    private final MPSolver lp;
    private final MPVariable[] weights;
    private final MPVariable[] flags;
    private final MPConstraint lossBudget;
    private final MPConstraint target;

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
        var budget = lp.makeConstraint(1, 1, "budget");
        target = lp.makeConstraint(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "target");
        var winners = lp.makeConstraint(limits.minExpectedWinners(), Double.POSITIVE_INFINITY, "winners");
        for (int b = 0; b < bucketCount; b++) {
            budget.setCoefficient(weights[b], 1);
            target.setCoefficient(weights[b], instance.mean()[b]);
            winners.setCoefficient(weights[b], instance.winners()[b]);
        }
        for (var group : instance.groups()) {
            var row = lp.makeConstraint(group.bounds().min(), group.bounds().max(), "g_" + group.name());
            for (int b : group.members()) {
                row.setCoefficient(weights[b], 1);
            }
        }
        var scenarios = instance.scenarios();
        flags = new MPVariable[scenarios.size()];
        lossBudget = lp.makeConstraint(Double.NEGATIVE_INFINITY, instance.lossBudget(), "loss_budget");
        double goal = 1 + Instance.LOSS_MARGIN;
        for (int j = 0; j < scenarios.size(); j++) {
            if (range.neverLoses(j)) {
                continue;
            }
            flags[j] = lp.makeNumVar(0, 1, "z" + j);
            lossBudget.setCoefficient(flags[j], scenarios.multiplicity()[j]);
            var row = lp.makeConstraint(goal, Double.POSITIVE_INFINITY, "loss_" + j);
            moic(row, j);
            row.setCoefficient(flags[j], goal - Math.min(range.low()[j], 1));
        }
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
                moic(row, j);
                row.setCoefficient(tau, 1);
                row.setCoefficient(u, 1);
                cvar.setCoefficient(u, scale * scenarios.multiplicity()[j]);
            }
        }
    }

    /** Empty when the LP relaxation is infeasible (then so is the MILP) or no loss set was found to fit. */
    static Optional<Answer> find(Instance instance) {
        try (var heuristic = new PrimalHeuristic(instance)) {
            return heuristic.search();
        }
    }

    private Optional<Answer> search() {
        double[] relaxed = maximize();
        if (relaxed == null) {
            return Optional.empty();
        }
        Answer best = evaluate(worstSet(relaxed)).orElse(null);
        if (best == null) {
            best = dive().orElse(null);
        }
        for (int round = 0; round < LOCAL_ROUNDS && best != null; round++) {
            var next = evaluate(worstSet(best.weights()));
            if (next.isEmpty() || next.get().expectedMoic() <= best.expectedMoic() + 1e-12) {
                break;
            }
            best = next.get();
        }
        return Optional.ofNullable(best);
    }

    /**
     * LP diving: keep the loss budget row, and repeatedly forbid the least-needed fractional losses (flag fixed to 0)
     * in shrinking batches until the flags still positive fit the budget. A batch that makes the LP infeasible is
     * retried at half size; a single infeasible flag is fixed to 1 instead.
     */
    private Optional<Answer> dive() {
        int count = flags.length;
        double[] lower = new double[count];
        double[] upper = new double[count];
        java.util.Arrays.fill(upper, 1);
        for (int iteration = 0; iteration < DIVE_LIMIT; iteration++) {
            double[] w = solveWith(lower, upper);
            if (w == null) {
                return Optional.empty();
            }
            double[] z = new double[count];
            var open = new java.util.ArrayList<Integer>();
            int mass = 0;
            for (int j = 0; j < count; j++) {
                if (flags[j] == null) {
                    continue;
                }
                z[j] = flags[j].solutionValue();
                if (z[j] > 1e-6) {
                    mass += instance.scenarios().multiplicity()[j];
                    if (lower[j] == 0) {
                        open.add(j);
                    }
                }
            }
            if (mass <= instance.lossBudget()) {
                boolean[] losing = new boolean[count];
                for (int j = 0; j < count; j++) {
                    losing[j] = flags[j] != null && z[j] > 1e-6;
                }
                return evaluate(losing);
            }
            open.sort(Comparator.<Integer>comparingDouble(j -> z[j]).thenComparingInt(j -> j));
            int batch = Math.max(1, open.size() / 4);
            while (true) {
                for (int i = 0; i < batch; i++) {
                    upper[open.get(i)] = 0;
                }
                if (batch == 1 || solveWith(lower, upper) != null) {
                    break;
                }
                for (int i = 0; i < batch; i++) {
                    upper[open.get(i)] = 1;
                }
                batch /= 2;
            }
            if (batch == 1 && solveWith(lower, upper) == null) {
                upper[open.get(0)] = 1;
                lower[open.get(0)] = 1;
            }
        }
        return Optional.empty();
    }

    private double[] solveWith(double[] lower, double[] upper) {
        for (int j = 0; j < flags.length; j++) {
            if (flags[j] != null) {
                flags[j].setBounds(lower[j], upper[j]);
            }
        }
        lossBudget.setBounds(Double.NEGATIVE_INFINITY, instance.lossBudget());
        target.setBounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        return solveForMean();
    }

    private static Answer better(Answer a, Answer b) {
        if (b == null) {
            return a;
        }
        return a == null || b.expectedMoic() > a.expectedMoic() ? b : a;
    }

    /** LP relaxation of the MILP: flags in [0, 1], loss budget on. */
    private double[] maximize() {
        for (var z : flags) {
            if (z != null) {
                z.setBounds(0, 1);
            }
        }
        lossBudget.setBounds(Double.NEGATIVE_INFINITY, instance.lossBudget());
        target.setBounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        return solveForMean();
    }

    /** Best weights when exactly the scenarios in {@code losing} may lose; empty when that LP is infeasible. */
    private Optional<Answer> evaluate(boolean[] losing) {
        int mass = 0;
        for (int j = 0; j < flags.length; j++) {
            if (flags[j] != null) {
                flags[j].setBounds(0, losing[j] ? 1 : 0);
                mass += losing[j] ? instance.scenarios().multiplicity()[j] : 0;
            }
        }
        if (mass > instance.lossBudget()) {
            return Optional.empty();
        }
        lossBudget.setBounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        target.setBounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        double[] w = solveForMean();
        if (w == null) {
            return Optional.empty();
        }
        // Scenarios allowed to lose that do not need to are hinted as non-losses (fewer flags, same weights).
        boolean[] actual = new boolean[flags.length];
        for (int j = 0; j < flags.length; j++) {
            actual[j] = flags[j] != null && losing[j] && moic(w, j) < 1 + Instance.LOSS_MARGIN;
        }
        return Optional.of(new Answer(w, actual, expected(w)));
    }

    /** The scenarios with the lowest MOIC under {@code w}, as many as the loss budget holds. */
    private boolean[] worstSet(double[] w) {
        var order = IntStream.range(0, flags.length)
                .filter(j -> flags[j] != null && moic(w, j) < 1 + Instance.LOSS_MARGIN)
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> moic(w, j)).thenComparingInt(j -> j))
                .toList();
        boolean[] losing = new boolean[flags.length];
        int left = instance.lossBudget();
        for (int j : order) {
            int m = instance.scenarios().multiplicity()[j];
            if (m <= left) {
                losing[j] = true;
                left -= m;
            }
        }
        return losing;
    }

    private double[] solveForMean() {
        var objective = lp.objective();
        objective.clear();
        for (int b = 0; b < weights.length; b++) {
            objective.setCoefficient(weights[b], instance.mean()[b]);
        }
        objective.setMaximization();
        if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) {
            return null;
        }
        return Arrays.stream(weights).mapToDouble(MPVariable::solutionValue).toArray();
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

    private void moic(MPConstraint row, int j) {
        double[] column = instance.scenarios().columns()[j];
        for (int b = 0; b < column.length; b++) {
            if (column[b] != 0) {
                row.setCoefficient(weights[b], column[b]);
            }
        }
    }

    @Override
    public void close() {
        lp.delete();
    }
}
