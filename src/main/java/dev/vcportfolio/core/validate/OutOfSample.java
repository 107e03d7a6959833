package dev.vcportfolio.core.validate;

import dev.vcportfolio.core.optimize.OptimizationRequest;
import dev.vcportfolio.core.optimize.PortfolioMeasures;
import dev.vcportfolio.core.optimize.RiskLimits;

/** Measures fixed weights on a matrix and compares them with the limits they were chosen under. */
public final class OutOfSample {

    private OutOfSample() {}

    /**
     * @param fresh the validation scenarios with the buckets, fund size and limits of the optimization (same bucket
     *     order) and win probabilities measured on those scenarios
     * @param weights the allocation, matrix order
     */
    public static ValidationMetrics measure(OptimizationRequest fresh, double[] weights) {
        RiskLimits limits = fresh.limits();
        var measures = PortfolioMeasures.of(fresh.matrix(), weights, limits.cvarConfidence());
        double winners = expectedWinners(fresh, weights);
        double lossViolation = Math.max(0, measures.lossProbability() - limits.maxLossProbability());
        double cvarViolation = Math.max(0, measures.cvar() - limits.cvarLimit());
        double winnerViolation = Math.max(0, limits.minExpectedWinners() - winners);
        return new ValidationMetrics(
                fresh.matrix().scenarioCount(),
                measures.expectedMoic(),
                measures.lossProbability(),
                measures.cvar(),
                winners,
                lossViolation,
                cvarViolation,
                winnerViolation,
                lossViolation == 0 && cvarViolation == 0 && winnerViolation == 0);
    }

    /** {@code sum_b w_b * fundSize / allInCost_b * pWin_b}: deals bought times their chance of a 10x. */
    public static double expectedWinners(OptimizationRequest request, double[] weights) {
        double winners = 0;
        for (int b = 0; b < weights.length; b++) {
            winners += weights[b] * request.winnersPerWeight(b);
        }
        return winners;
    }
}
