package dev.vcportfolio.core.scenario;

/**
 * Per-round probabilities of one stage of the company chain. Each round a company exits, graduates to the next stage,
 * fails, or stays for another round; staying takes whatever probability the other three leave.
 *
 * @param exitRate probability of exiting at this stage in a round, in [0, 1]
 * @param graduateRate probability of raising the next round (at Series C: counts as an exit at C), in [0, 1]
 * @param failureRate probability of failing in a round (MOIC 0), in [0, 1]
 */
public record StageTransition(double exitRate, double graduateRate, double failureRate) {

    /** Rates may sum to slightly above 1 through decimal rounding of stored calibrations. */
    static final double SUM_TOLERANCE = 1e-9;

    public StageTransition {
        checkRate("exitRate", exitRate);
        checkRate("graduateRate", graduateRate);
        checkRate("failureRate", failureRate);
        if (exitRate + graduateRate + failureRate > 1 + SUM_TOLERANCE) {
            throw new IllegalArgumentException("exitRate + graduateRate + failureRate must be at most 1: " + exitRate
                    + " + " + graduateRate + " + " + failureRate);
        }
    }

    /** Probability of staying at this stage for another round, in [0, 1]. */
    public double stayRate() {
        return Math.max(0, 1 - exitRate - graduateRate - failureRate);
    }

    private static void checkRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1]: " + rate);
        }
    }
}
