package dev.vcportfolio.core.optimize;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * CVaR of a loss distribution, Rockafellar-Uryasev: {@code min over tau of tau + sum_j n_j (loss_j - tau)+ / ((1 -
 * c) S)}. The function is convex and piecewise linear with kinks at the losses, and its right slope at tau is {@code 1
 * - mass(loss > tau) / ((1 - c) S)}, so the least minimizer is the least loss (or 0) with at most {@code (1 - c) S} of
 * the mass above it: the VaR. One sort and one pass, O(n log n).
 *
 * @param threshold the VaR, the least minimizing tau (a complete MILP hint's threshold)
 * @param value the CVaR
 */
record Cvar(double threshold, double value) {

    private static final double MASS_TOLERANCE = 1e-9;

    /** Over equally likely losses (each {@code >= 0}). */
    static Cvar of(double[] loss, double confidence) {
        double[] ascending = loss.clone();
        Arrays.sort(ascending);
        int n = ascending.length;
        return walk(n, i -> ascending[n - 1 - i], i -> 1, (1 - confidence) * n);
    }

    /** Over distinct losses (each {@code >= 0}) standing for {@code multiplicity} of {@code total} scenarios each. */
    static Cvar of(double[] loss, int[] multiplicity, int total, double confidence) {
        int[] descending = IntStream.range(0, loss.length)
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> -loss[j]).thenComparingInt(j -> j))
                .mapToInt(Integer::intValue)
                .toArray();
        return walk(loss.length, i -> loss[descending[i]], i -> multiplicity[descending[i]], (1 - confidence) * total);
    }

    /**
     * Losses in descending order; {@code tailMass = (1 - c) S}. Masses are whole scenario counts, so a mass within
     * {@link #MASS_TOLERANCE} of the tail is on it: {@code (1 - 0.9) * 100} is 9.999999999999998 in binary.
     */
    private static Cvar walk(
            int n,
            java.util.function.IntToDoubleFunction loss,
            java.util.function.IntToDoubleFunction weight,
            double tailMass) {
        double above = 0; // mass strictly above the current loss
        double sum = 0; // weighted losses strictly above it
        double threshold = Double.NaN;
        double value = Double.NaN;
        int i = 0;
        while (i < n) {
            double v = loss.applyAsDouble(i);
            if (v <= 0 || above > tailMass + MASS_TOLERANCE) {
                break;
            }
            threshold = v;
            value = v + (sum - above * v) / tailMass;
            for (; i < n && loss.applyAsDouble(i) == v; i++) {
                double w = weight.applyAsDouble(i);
                above += w;
                sum += w * v;
            }
        }
        // Every positive loss fits in the tail (or there is none): tau = 0.
        if (i == n || loss.applyAsDouble(i) <= 0) {
            if (above <= tailMass + MASS_TOLERANCE) {
                return new Cvar(0, sum / tailMass);
            }
        }
        return new Cvar(threshold, value);
    }
}
