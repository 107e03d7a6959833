package dev.vcportfolio.core.optimize;

/** Exhaustive search over a weight grid: the reference for tiny cases. */
final class BruteForce {

    private BruteForce() {}

    /** Best E[M] over weights that are multiples of 1/steps and meet every limit; -inf when none does. */
    static double best(OptimizationRequest request, int steps) {
        return search(request, new double[request.matrix().bucketCount()], 0, steps, steps);
    }

    private static double search(OptimizationRequest request, double[] w, int b, int left, int steps) {
        if (b == w.length - 1) {
            w[b] = (double) left / steps;
            return feasible(request, w)
                    ? PortfolioMeasures.of(request.matrix(), w, 0.95).expectedMoic()
                    : Double.NEGATIVE_INFINITY;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= left; k++) {
            w[b] = (double) k / steps;
            best = Math.max(best, search(request, w, b + 1, left - k, steps));
        }
        return best;
    }

    /** Every limit met, with the model's margin: a non-loss scenario needs M >= 1 + 1e-6. */
    static boolean feasible(OptimizationRequest request, double[] w) {
        var instance = Instance.of(request, false);
        boolean others = AllocationCheck.report(instance, request.limits(), w).stream()
                .filter(c -> c.kind() != ConstraintKind.LOSS_PROBABILITY)
                .allMatch(ConstraintCheck::satisfied);
        var m = request.matrix();
        int losses = 0;
        for (int s = 0; s < m.scenarioCount(); s++) {
            double moic = 0;
            for (int b = 0; b < w.length; b++) {
                moic += w[b] * m.value(b, s);
            }
            losses += moic < 1 + 1e-6 ? 1 : 0;
        }
        return others && losses <= Math.floor(request.limits().maxLossProbability() * m.scenarioCount() + 1e-9);
    }
}
