package dev.vcportfolio.core.optimize;

import java.util.Arrays;

/**
 * Per scenario, the least and greatest portfolio MOIC any weights with {@code least <= sum <= 1, 0 <= w <= cap} can
 * give (a fractional knapsack: fill the cheapest, or dearest, buckets up to the cap; {@code least} is 1 for continuous
 * weights and {@link DealGrid#leastInvested} for whole deals). A MOIC is never negative, so the least MOIC takes the
 * least mass and the greatest all of it. Group and risk rows only shrink the
 * feasible set, so these bounds stay valid for the full model. With caps, the lower bound is often well above 0,
 * which is what makes the tightened big-M ({@code 1 + margin - low}) smaller than the textbook 1.
 *
 * @param low least MOIC per scenario
 * @param high greatest MOIC per scenario
 */
record MoicRange(double[] low, double[] high) {

    static MoicRange of(ScenarioSet scenarios, double cap) {
        return of(scenarios, cap, 1);
    }

    static MoicRange of(ScenarioSet scenarios, double cap, double least) {
        int count = scenarios.size();
        double[] low = new double[count];
        double[] high = new double[count];
        for (int j = 0; j < count; j++) {
            double[] sorted = scenarios.columns()[j].clone();
            Arrays.sort(sorted);
            low[j] = fill(sorted, cap, false, least);
            high[j] = fill(sorted, cap, true, 1);
        }
        return new MoicRange(low, high);
    }

    /**
     * Bounds valid on the smaller set {@code sum = 1, 0 <= w <= cap, mean . w >= floor}: only allocations at least as
     * good as a known one matter, and near the optimum that slice is thin, so many scenarios are decided (never or
     * always lose) and the others' big-M shrinks. Each bound is a Lagrangian dual value of the one extra row (any
     * multiplier gives a valid bound; bisection finds the best), never weaker than {@link #of}'s.
     */
    static MoicRange under(ScenarioSet scenarios, double cap, double[] mean, double floor) {
        return under(scenarios, cap, 1, mean, floor);
    }

    static MoicRange under(ScenarioSet scenarios, double cap, double least, double[] mean, double floor) {
        var plain = of(scenarios, cap, least);
        double[] sortedMean = mean.clone();
        Arrays.sort(sortedMean);
        if (!(floor > fill(sortedMean, cap, false, least))) {
            return plain;
        }
        // At or above the best mean the slice is the top face (or empty); bound it by the top face.
        double reachable = Math.min(floor, fill(sortedMean, cap, true, 1));
        int count = scenarios.size();
        double[] low = plain.low().clone();
        double[] high = plain.high().clone();
        double[] negated = new double[mean.length];
        var work = new Work(mean.length, least);
        for (int j = 0; j < count; j++) {
            double[] column = scenarios.columns()[j];
            low[j] = Math.max(low[j], work.leastUnderFloor(column, mean, reachable, cap));
            for (int b = 0; b < column.length; b++) {
                negated[b] = -column[b];
            }
            high[j] = Math.min(high[j], -work.leastUnderFloor(negated, mean, reachable, cap));
        }
        return new MoicRange(low, high);
    }

    /**
     * Per scenario, an upper bound on {@code mean . w} over the capped simplex when that scenario does not lose
     * ({@code v . w >= 1 + margin}); very negative when it cannot avoid losing. The Lagrangian bound of
     * {@link #under} with the roles of objective and scenario swapped.
     */
    static double[] bestMeanWhenSafe(ScenarioSet scenarios, double cap, double[] mean) {
        return bestMeanWhenSafe(scenarios, cap, 1, mean);
    }

    static double[] bestMeanWhenSafe(ScenarioSet scenarios, double cap, double least, double[] mean) {
        var work = new Work(mean.length, least);
        double[] negatedMean = new double[mean.length];
        for (int b = 0; b < mean.length; b++) {
            negatedMean[b] = -mean[b];
        }
        double[] out = new double[scenarios.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = -work.leastUnderFloor(negatedMean, scenarios.columns()[j], 1 + Instance.LOSS_MARGIN, cap);
        }
        return out;
    }

    /** Scratch arrays for the Lagrangian bounds, so the per-scenario loop allocates nothing. */
    private static final class Work {
        private static final int BISECTIONS = 60;
        private final double[] cost;
        private final Integer[] order;
        private final double least;

        Work(int buckets, double least) {
            cost = new double[buckets];
            order = new Integer[buckets];
            this.least = least;
        }

        /** A lower bound on {@code min a . w} over the capped simplex with {@code c . w >= floor}. */
        double leastUnderFloor(double[] a, double[] c, double floor, double cap) {
            double best = Double.NEGATIVE_INFINITY;
            double lo = 0;
            double hi = 1;
            // Find a multiplier at which the knapsack's answer meets the floor.
            for (int i = 0; i < 60; i++) {
                double[] r = evaluate(a, c, hi, floor, cap);
                best = Math.max(best, r[0]);
                if (r[1] >= floor) {
                    break;
                }
                lo = hi;
                hi *= 2;
            }
            double[] first = evaluate(a, c, 0, floor, cap);
            best = Math.max(best, first[0]);
            if (first[1] >= floor) {
                return first[0];
            }
            for (int i = 0; i < BISECTIONS; i++) {
                double mid = (lo + hi) / 2;
                double[] r = evaluate(a, c, mid, floor, cap);
                best = Math.max(best, r[0]);
                if (r[1] >= floor) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return best;
        }

        /**
         * {lambda * floor + min (a - lambda c) . w over the capped simplex, c . w at that minimizer}. Below the least
         * mass every bucket is taken cheapest first; beyond it only those that lower the cost.
         */
        private double[] evaluate(double[] a, double[] c, double lambda, double floor, double cap) {
            int n = a.length;
            for (int b = 0; b < n; b++) {
                cost[b] = a[b] - lambda * c[b];
                order[b] = b;
            }
            Arrays.sort(order, (x, y) -> {
                int byCost = Double.compare(cost[x], cost[y]);
                // Among equal costs take the larger c first: the subgradient then reaches the floor soonest.
                return byCost != 0 ? byCost : Double.compare(c[y], c[x]);
            });
            double taken = 0;
            double value = 0;
            double reached = 0;
            for (int i = 0; i < n; i++) {
                int b = order[i];
                double room = (cost[b] < 0 ? 1 : least) - taken;
                if (room <= 0) {
                    break;
                }
                double take = Math.min(cap, room);
                value += take * cost[b];
                reached += take * c[b];
                taken += take;
            }
            return new double[] {lambda * floor + value, reached};
        }
    }

    private static double fill(double[] ascending, double cap, boolean fromTop, double mass) {
        double left = mass;
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
