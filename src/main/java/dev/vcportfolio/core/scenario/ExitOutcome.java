package dev.vcportfolio.core.scenario;

/**
 * The calibrated exit multiple at one stage: median and 90th percentile MOIC of a company that exits there.
 *
 * <p>The ratio {@code p90Moic / medianMoic} must lie in [{@value #MIN_P90_TO_MEDIAN}, {@value #MAX_P90_TO_MEDIAN}],
 * which keeps the Pareto tail index of {@link ParetoExit} within [0.5, 5]; a ratio outside is rejected rather than
 * clamped, because clamping would silently break the fit.
 *
 * @param medianMoic median exit MOIC, finite and &gt; 0
 * @param p90Moic 90th percentile exit MOIC, finite and &gt; medianMoic
 */
public record ExitOutcome(double medianMoic, double p90Moic) {

    public static final double MIN_P90_TO_MEDIAN = 1.4;

    public static final double MAX_P90_TO_MEDIAN = 25;

    public ExitOutcome {
        if (!(Double.isFinite(medianMoic) && medianMoic > 0)) {
            throw new IllegalArgumentException("medianMoic must be finite and > 0: " + medianMoic);
        }
        if (!(Double.isFinite(p90Moic) && p90Moic > medianMoic)) {
            throw new IllegalArgumentException(
                    "p90Moic must be finite and exceed medianMoic " + medianMoic + ": " + p90Moic);
        }
        double ratio = p90Moic / medianMoic;
        if (ratio < MIN_P90_TO_MEDIAN || ratio > MAX_P90_TO_MEDIAN) {
            throw new IllegalArgumentException("p90Moic / medianMoic must lie in [" + MIN_P90_TO_MEDIAN + ", "
                    + MAX_P90_TO_MEDIAN + "] for the Pareto fit: " + p90Moic + " / " + medianMoic);
        }
    }
}
