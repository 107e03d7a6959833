package dev.vcportfolio.core.optimize;

import dev.vcportfolio.core.model.MoicMatrix;

/**
 * Risk and return of fixed weights, computed straight from the matrix in double precision, independent of any solver.
 *
 * @param expectedMoic {@code (1/S) sum_s M_s}
 * @param lossProbability share of scenarios with {@code M_s < 1}
 * @param cvar CVaR at the given confidence of the loss fraction {@code max(0, 1 - M_s)} (Rockafellar-Uryasev, exact)
 */
public record PortfolioMeasures(double expectedMoic, double lossProbability, double cvar) {

    public static PortfolioMeasures of(MoicMatrix matrix, double[] weights, double cvarConfidence) {
        int scenarios = matrix.scenarioCount();
        double[] shortfall = new double[scenarios];
        double total = 0;
        int losses = 0;
        for (int s = 0; s < scenarios; s++) {
            double moic = 0;
            for (int b = 0; b < weights.length; b++) {
                moic += weights[b] * matrix.value(b, s);
            }
            total += moic;
            losses += moic < 1 ? 1 : 0;
            shortfall[s] = Math.max(0, 1 - moic);
        }
        return new PortfolioMeasures(total / scenarios, (double) losses / scenarios, cvar(shortfall, cvarConfidence));
    }

    /** CVaR of equally likely losses at {@code confidence} ({@link Cvar}). */
    static double cvar(double[] losses, double confidence) {
        return Cvar.of(losses, confidence).value();
    }
}
