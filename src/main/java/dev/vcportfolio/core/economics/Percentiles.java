package dev.vcportfolio.core.economics;

/** Percentiles of a sorted sample by linear interpolation between order statistics (NumPy's default). */
final class Percentiles {

    private Percentiles() {}

    /** @param sorted ascending, not empty; @param q in [0, 1] */
    static double of(double[] sorted, int n, double q) {
        double h = (n - 1) * q;
        int i = (int) Math.floor(h);
        if (i >= n - 1) {
            return sorted[n - 1];
        }
        return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
    }
}
