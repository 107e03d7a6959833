package dev.vcportfolio.core.optimize;

import dev.vcportfolio.core.model.MoicMatrix;
import java.util.Arrays;

/**
 * The distribution of a fixed allocation's portfolio MOIC across a matrix's scenarios, for people to look at: a
 * histogram and percentiles. Computed in double precision from the matrix, like {@link PortfolioMeasures}.
 *
 * <p>The histogram has {@code counts.length} bins of width {@code binWidth} from 0; the last bin also holds every
 * scenario at or above its lower edge (the long right tail), so the counts sum to {@code scenarioCount}. The width is a
 * round number (1, 2 or 5 times a power of ten) chosen so that the 99th percentile falls inside the bins.
 *
 * @param scenarioCount scenarios measured, &gt; 0
 * @param mean mean portfolio MOIC
 * @param min smallest portfolio MOIC
 * @param max largest portfolio MOIC
 * @param percentiles the portfolio MOIC at each of {@link #LEVELS}, interpolated linearly between order statistics
 *     (NumPy's default)
 * @param binWidth width of each bin, in multiples, &gt; 0
 * @param counts scenarios per bin; the last bin is open to the right
 * @param lossShare share of scenarios with portfolio MOIC below 1
 */
public record PortfolioDistribution(
        int scenarioCount,
        double mean,
        double min,
        double max,
        double[] percentiles,
        double binWidth,
        int[] counts,
        double lossShare) {

    /** The percentile levels, as fractions. */
    public static final double[] LEVELS = {0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99};

    /** Target number of bins below the 99th percentile; the histogram has at most twice as many. */
    static final int TARGET_BINS = 24;

    public PortfolioDistribution {
        percentiles = percentiles.clone();
        counts = counts.clone();
    }

    @Override
    public double[] percentiles() {
        return percentiles.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    /**
     * The distribution of {@code sum_b weights[b] * M[b][s]} over the scenarios {@code s}.
     *
     * @param weights one per matrix row, in row order
     */
    public static PortfolioDistribution of(MoicMatrix matrix, double[] weights) {
        if (weights.length != matrix.bucketCount()) {
            throw new IllegalArgumentException(
                    "need one weight per row: rows=" + matrix.bucketCount() + ", weights=" + weights.length);
        }
        int n = matrix.scenarioCount();
        double[] moic = new double[n];
        double total = 0;
        int losses = 0;
        for (int s = 0; s < n; s++) {
            double m = 0;
            for (int b = 0; b < weights.length; b++) {
                m += weights[b] * matrix.value(b, s);
            }
            moic[s] = m;
            total += m;
            losses += m < 1 ? 1 : 0;
        }
        Arrays.sort(moic);
        double[] percentiles = new double[LEVELS.length];
        for (int i = 0; i < LEVELS.length; i++) {
            percentiles[i] = percentile(moic, LEVELS[i]);
        }
        double width = niceWidth(percentiles[LEVELS.length - 1] / TARGET_BINS);
        int bins = Math.max(1, Math.min(2 * TARGET_BINS, (int) Math.floor(percentiles[LEVELS.length - 1] / width) + 1));
        int[] counts = new int[bins];
        for (double m : moic) {
            counts[Math.min(bins - 1, (int) Math.floor(m / width))]++;
        }
        return new PortfolioDistribution(
                n, total / n, moic[0], moic[n - 1], percentiles, width, counts, (double) losses / n);
    }

    /** The percentile at {@code level} (one of {@link #LEVELS}). */
    public double percentile(double level) {
        for (int i = 0; i < LEVELS.length; i++) {
            if (LEVELS[i] == level) {
                return percentiles[i];
            }
        }
        throw new IllegalArgumentException("not one of the reported levels: " + level);
    }

    /** Linear interpolation between order statistics of an ascending, non-empty sample; {@code q} in [0, 1]. */
    static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int i = (int) Math.floor(h);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
    }

    /** The smallest of 1, 2 or 5 times a power of ten that is at least {@code raw}; 0.05 for a degenerate raw. */
    static double niceWidth(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 0.05;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= raw * (1 - 1e-12)) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
