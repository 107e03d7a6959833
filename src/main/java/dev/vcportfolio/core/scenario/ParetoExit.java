package dev.vcportfolio.core.scenario;

/**
 * The Pareto law fitted to an {@link ExitOutcome}: {@code alpha = ln 5 / ln(p90 / median)} and {@code xmin = median /
 * 2^(1/alpha)}, so that the law's median and 90th percentile are exactly the calibrated ones (the P90 of a Pareto is
 * {@code xmin * 10^(1/alpha)}, its median {@code xmin * 2^(1/alpha)}, and their ratio {@code 5^(1/alpha)}).
 *
 * <p>All transforms use {@link StrictMath} so every JVM and native image produce the same bits.
 *
 * @param alpha tail index, in [0.5, 5] for an accepted calibration; the mean is infinite when alpha &le; 1, which is
 *     why every draw is capped at the calibration's maxMoic
 * @param xmin scale: the smallest value the law takes, &gt; 0
 */
public record ParetoExit(double alpha, double xmin) {

    private static final double LN_5 = StrictMath.log(5);

    public ParetoExit {
        if (!(Double.isFinite(alpha) && alpha > 0)) {
            throw new IllegalArgumentException("alpha must be finite and > 0: " + alpha);
        }
        if (!(Double.isFinite(xmin) && xmin > 0)) {
            throw new IllegalArgumentException("xmin must be finite and > 0: " + xmin);
        }
    }

    /** The fit to a calibrated median and P90. */
    public static ParetoExit fit(ExitOutcome outcome) {
        double alpha = LN_5 / StrictMath.log(outcome.p90Moic() / outcome.medianMoic());
        double xmin = outcome.medianMoic() / StrictMath.pow(2, 1 / alpha);
        return new ParetoExit(alpha, xmin);
    }

    /**
     * Inverse CDF: {@code xmin / (1 - u)^(1/alpha)} for u in [0, 1); u = 1 is never passed (it would be infinite).
     * Computed as {@code xmin * exp(-ln(1 - u) / alpha)}, the generator's exact arithmetic: StrictMath's exp and log
     * together cost about a third of its pow, which dominated the inner loop.
     */
    public double quantile(double u) {
        return xmin * StrictMath.exp(-1 / alpha * StrictMath.log(1 - u));
    }

    /** {@code P(X <= x)}: 0 below xmin, {@code 1 - (xmin / x)^alpha} above. */
    public double cdf(double x) {
        return x <= xmin ? 0 : 1 - StrictMath.pow(xmin / x, alpha);
    }
}
