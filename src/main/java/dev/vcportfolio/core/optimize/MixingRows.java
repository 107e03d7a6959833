package dev.vcportfolio.core.optimize;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The mixing set of the objective (Luedtke, Ahmed and Nemhauser 2010) in its extended form: with {@code zeta_j} the
 * best E[M] when scenario j does not lose, sorted ascending, and q the first position where the loss budget is used
 * up, {@code E[M] <= zeta_1 + sum_{i<q} (zeta_{i+1} - zeta_i) u_i}, {@code u_i <= z_i}, {@code u_i <= u_{i-1}},
 * {@code u in [0, 1]}. At integer points E[M] is at most zeta of the first scenario in that order that does not lose;
 * valid without any objective floor.
 *
 * @param prefix the variables {@code u_i}, in order
 * @param order the distinct scenario behind each {@code u_i}
 */
record MixingRows(List<MPVariable> prefix, List<Integer> order) {

    static final MixingRows NONE = new MixingRows(List.of(), List.of());

    static MixingRows add(
            MPSolver solver,
            Instance instance,
            MPVariable[] weights,
            MPVariable[] lossFlags,
            boolean[] forcedLoss,
            double cap) {
        var scenarios = instance.scenarios();
        double[] zeta =
                MoicRange.bestMeanWhenSafe(scenarios, cap, instance.grid().leastInvested(), instance.mean());
        int budget = instance.lossBudget() - scenarios.mass(forcedLoss);
        // A scenario that cannot be kept from losing has no finite zeta; its flag is fixed, so it is left out.
        double[] bounded = new double[zeta.length];
        for (int j = 0; j < zeta.length; j++) {
            bounded[j] = Math.max(zeta[j], 0);
        }
        var sorted = IntStream.range(0, scenarios.size())
                .filter(j -> lossFlags[j] != null)
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> bounded[j]).thenComparingInt(j -> j))
                .toList();
        int mass = 0;
        int q = -1;
        for (int i = 0; i < sorted.size(); i++) {
            mass += scenarios.multiplicity()[sorted.get(i)];
            if (mass > budget) {
                q = i;
                break;
            }
        }
        if (q <= 0) {
            return NONE;
        }
        var row = solver.makeConstraint(Double.NEGATIVE_INFINITY, bounded[sorted.get(0)], "mixing");
        for (int b = 0; b < weights.length; b++) {
            row.setCoefficient(weights[b], instance.mean()[b]);
        }
        var prefix = new ArrayList<MPVariable>();
        MPVariable previous = null;
        for (int i = 0; i < q; i++) {
            int j = sorted.get(i);
            double step = bounded[sorted.get(i + 1)] - bounded[j];
            var u = solver.makeNumVar(0, 1, "mix" + i);
            prefix.add(u);
            row.setCoefficient(u, -step);
            var link = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "mixz" + i);
            link.setCoefficient(u, 1);
            link.setCoefficient(lossFlags[j], -1);
            if (previous != null) {
                var mono = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "mixu" + i);
                mono.setCoefficient(u, 1);
                mono.setCoefficient(previous, -1);
            }
            previous = u;
        }
        return new MixingRows(List.copyOf(prefix), sorted.subList(0, q));
    }

    /** Hint values for a loss set: {@code u_i = 1} along the prefix of the order whose scenarios all lose. */
    void hint(boolean[] losing, double[] values) {
        for (int i = 0; i < prefix.size() && losing[order.get(i)]; i++) {
            values[prefix.get(i).index()] = 1;
        }
    }
}
