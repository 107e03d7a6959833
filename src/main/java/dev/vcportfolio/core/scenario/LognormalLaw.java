package dev.vcportfolio.core.scenario;

/**
 * A lognormal law given by its median and 90th percentile, the way calibrations state durations and step-ups: {@code
 * ln X ~ N(ln median, sigma)} with {@code sigma = ln(p90 / median) / z90}. A median equal to its P90 is a fixed value.
 *
 * <p>Draws go through {@link NormalQuantile} and {@link Exponential} only (plain double arithmetic and StrictMath), so
 * every JVM and native image give the same bits.
 *
 * @param median the law's median, finite and &gt; 0
 * @param p90 the 90th percentile, finite and &ge; median
 */
public record LognormalLaw(double median, double p90) {

    /** The 90 % quantile of the standard normal law. */
    static final double Z90 = 1.2815515655446004;

    public LognormalLaw {
        if (!(Double.isFinite(median) && median > 0)) {
            throw new IllegalArgumentException("median must be finite and > 0: " + median);
        }
        if (!(Double.isFinite(p90) && p90 >= median)) {
            throw new IllegalArgumentException("p90 must be finite and >= the median " + median + ": " + p90);
        }
    }

    /** A law that always gives {@code value}. */
    public static LognormalLaw fixed(double value) {
        return new LognormalLaw(value, value);
    }

    /** The log-scale standard deviation, 0 for a fixed value. */
    public double sigma() {
        return StrictMath.log(p90 / median) / Z90;
    }

    /** The value at quantile {@code u} in [0, 1): {@code median * exp(sigma * z(u))}. */
    public double quantile(double u) {
        return quantile(median, sigma(), u);
    }

    /** The generator's one formula for a draw, from a precomputed {@link #sigma()}; exactly the median when it is 0. */
    static double quantile(double median, double sigma, double u) {
        return sigma == 0 ? median : median * Exponential.exp(sigma * NormalQuantile.of(u));
    }
}
