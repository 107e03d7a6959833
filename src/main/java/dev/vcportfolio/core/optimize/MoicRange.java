package dev.vcportfolio.core.optimize;

import java.util.Arrays;

/**
 * Per scenario, the least and greatest portfolio MOIC any weights with {@code sum = 1, 0 <= w <= cap} can give
 * (a fractional knapsack: fill the cheapest, or dearest, buckets up to the cap). Group and risk rows only shrink the
 * feasible set, so these bounds stay valid for the full model. With caps, the lower bound is often well above 0,
 * which is what makes the tightened big-M ({@code 1 + margin - low}) smaller than the textbook 1.
 *
 * @param low least MOIC per scenario
 * @param high greatest MOIC per scenario
 */
record MoicRange(double[] low, double[] high) {

    static MoicRange of(ScenarioSet scenarios, double cap) {
        int count = scenarios.size();
        double[] low = new double[count];
        double[] high = new double[count];
        for (int j = 0; j < count; j++) {
            double[] sorted = scenarios.columns()[j].clone();
            Arrays.sort(sorted);
            low[j] = fill(sorted, cap, false);
            high[j] = fill(sorted, cap, true);
        }
        return new MoicRange(low, high);
    }

    private static double fill(double[] ascending, double cap, boolean fromTop) {
        double left = 1;
        double total = 0;
        int n = ascending.length;
        for (int i = 0; i < n && left > 0; i++) {
            double take = Math.min(cap, left);
            total += take * ascending[fromTop ? n - 1 - i : i];
            left -= take;
        }
        return total;
    }

    /** Scenario j loses whatever the weights: even its best MOIC misses 1 + margin. */
    boolean alwaysLoses(int j) {
        return high[j] < 1 + Instance.LOSS_MARGIN;
    }

    /** Scenario j never loses, whatever the weights. */
    boolean neverLoses(int j) {
        return low[j] >= 1 + Instance.LOSS_MARGIN;
    }
}
