package dev.vcportfolio.core.optimize;

/** The Rockafellar-Uryasev threshold of a known allocation, for a complete MILP hint. */
final class CvarThreshold {

    private CvarThreshold() {}

    /**
     * The {@code tau in [0, 1]} that minimizes {@code tau + scale * sum_j n_j (loss_j - tau)+}, with {@code scale = 1
     * / ((1 - confidence) S)}: one of the losses (or 0), since the function is piecewise linear with kinks there.
     *
     * @param loss per distinct scenario, {@code max(0, 1 - M_j)}
     * @param multiplicity per distinct scenario
     */
    static double best(double[] loss, int[] multiplicity, int totalScenarios, RiskLimits limits) {
        double scale = 1 / ((1 - limits.cvarConfidence()) * totalScenarios);
        double best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        double[] candidates = java.util.Arrays.copyOf(loss, loss.length + 1);
        for (double t : candidates) {
            if (t > 1) {
                continue;
            }
            double value = t;
            for (int j = 0; j < loss.length; j++) {
                value += scale * multiplicity[j] * Math.max(0, loss[j] - t);
            }
            if (value < bestValue - 1e-15) {
                bestValue = value;
                best = t;
            }
        }
        return best;
    }
}
