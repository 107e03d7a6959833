package dev.vcportfolio.core.scenario;

import java.util.List;

/**
 * A calibration's macro regimes flattened for the inner loop: cumulative probabilities and shock ranges. Both scenario
 * models draw a scenario's regime and its shock from the scenario's own stream through this one table, so they see
 * the same regimes.
 */
final class RegimeTable {

    final double[] cut;
    final double[] shockMin;
    final double[] shockSpan;
    final double impact;

    RegimeTable(List<Regime> regimes, double regimeImpact) {
        cut = new double[regimes.size()];
        shockMin = new double[regimes.size()];
        shockSpan = new double[regimes.size()];
        double cumulative = 0;
        for (int r = 0; r < regimes.size(); r++) {
            Regime regime = regimes.get(r);
            cumulative += regime.probability();
            cut[r] = cumulative;
            shockMin[r] = regime.shockMin();
            shockSpan[r] = regime.shockMax() - regime.shockMin();
        }
        impact = regimeImpact;
    }

    int count() {
        return cut.length;
    }

    /**
     * The regime of a scenario, drawn from the scenario's own stream so every bucket sees the same one. A draw past
     * the last cut (probabilities summing to just under 1) falls to the last regime with any probability.
     */
    int regimeOf(SplitMix64 random) {
        double u = random.nextDouble();
        for (int r = 0; r < cut.length; r++) {
            if (u < cut[r]) {
                return r;
            }
        }
        for (int r = cut.length - 1; r > 0; r--) {
            if (cut[r] > cut[r - 1]) {
                return r;
            }
        }
        return 0;
    }

    /** The factor {@code 1 + shock * regimeImpact} on the exit law, floored at 0; draws the shock from the stream. */
    double factor(int regime, SplitMix64 random) {
        double shock = shockMin[regime] + shockSpan[regime] * random.nextDouble();
        return Math.max(0, 1 + shock * impact);
    }
}
