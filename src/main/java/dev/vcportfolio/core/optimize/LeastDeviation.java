package dev.vcportfolio.core.optimize;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * Pass 2's goal on an OR-Tools model: minimize {@code sum_b |w_b - 1/B|} (through {@code d_b >= +-(w_b - 1/B)})
 * while {@code E[M] >= floor}. The MILP and the LP that may settle pass 2 without it share it.
 */
final class LeastDeviation {

    private LeastDeviation() {}

    /** Pass 2's objective at {@code w}: {@code sum_b |w_b - 1/B|}. */
    static double of(double[] w) {
        double even = 1.0 / w.length;
        double deviation = 0;
        for (double x : w) {
            deviation += Math.abs(x - even);
        }
        return deviation;
    }

    /** Adds the lock row, the deviations and their rows, and makes their sum the objective; returns the {@code d_b}. */
    static MPVariable[] set(MPSolver solver, MPVariable[] weights, double[] mean, double floor) {
        var objective = solver.objective();
        objective.clear();
        var lock = solver.makeConstraint(floor, Double.POSITIVE_INFINITY, "primary_lock");
        for (int b = 0; b < weights.length; b++) {
            lock.setCoefficient(weights[b], mean[b]);
        }
        var deviation = deviations(solver, weights);
        for (var d : deviation) {
            objective.setCoefficient(d, 1);
        }
        objective.setMinimization();
        return deviation;
    }

    /** Adds the deviations, their rows and {@code sum_b d_b <= cap} (a proof step's question); returns the d_b. */
    static MPVariable[] capped(MPSolver solver, MPVariable[] weights, double cap) {
        var deviation = deviations(solver, weights);
        var row = solver.makeConstraint(Double.NEGATIVE_INFINITY, cap, "deviation_cap");
        for (var d : deviation) {
            row.setCoefficient(d, 1);
        }
        return deviation;
    }

    private static MPVariable[] deviations(MPSolver solver, MPVariable[] weights) {
        double even = 1.0 / weights.length;
        var deviation = new MPVariable[weights.length];
        for (int b = 0; b < weights.length; b++) {
            var d = solver.makeNumVar(0, 1, "d" + b);
            deviation[b] = d;
            var above = solver.makeConstraint(-even, Double.POSITIVE_INFINITY, "dev_up_" + b);
            above.setCoefficient(d, 1);
            above.setCoefficient(weights[b], -1);
            var below = solver.makeConstraint(even, Double.POSITIVE_INFINITY, "dev_down_" + b);
            below.setCoefficient(d, 1);
            below.setCoefficient(weights[b], 1);
        }
        return deviation;
    }
}
