package dev.vcportfolio.core.optimize;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPVariable;

/** One scenario's MOIC as a linear expression in the weights, as every model here writes it into its rows. */
final class MoicRow {

    private MoicRow() {}

    /** Adds {@code sum_b column[b] w_b} to {@code row}; zero cells (failed buckets) add no coefficient. */
    static void set(MPConstraint row, MPVariable[] weights, double[] column) {
        for (int b = 0; b < column.length; b++) {
            if (column[b] != 0) {
                row.setCoefficient(weights[b], column[b]);
            }
        }
    }
}
