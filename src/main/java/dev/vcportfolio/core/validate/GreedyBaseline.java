package dev.vcportfolio.core.validate;

import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.MoicMatrix;
import dev.vcportfolio.core.model.Stage;
import dev.vcportfolio.core.optimize.ConstraintReport;
import dev.vcportfolio.core.optimize.GroupBounds;
import dev.vcportfolio.core.optimize.OptimizationRequest;
import dev.vcportfolio.core.optimize.RiskLimits;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The baseline an analyst would build by hand (DESIGN 9): first meet every sector and stage minimum with its best
 * buckets, then pour the rest of the fund into the buckets with the highest expected MOIC, each up to its cap and to
 * the room left under its sector and stage maximums. It ignores the scenario-level limits (loss probability, CVaR,
 * winners), so it may be infeasible; {@link Result#feasible()} says whether it met them all. With whole deals it pours
 * whole deals (at least the request's minimum into a bucket it opens) and leaves the rest uninvested.
 */
public final class GreedyBaseline {

    private static final double EPS = 1e-12;

    /**
     * @param weights matrix order, summing to 1 (with whole deals, at most 1)
     * @param expectedMoic E[M] on the request's matrix
     * @param feasible whether every constraint of the request holds (same check as the optimizer's report)
     */
    public record Result(double[] weights, double expectedMoic, boolean feasible) {}

    private GreedyBaseline() {}

    /** Empty when the caps and maximums leave part of the fund unplaceable (continuous weights only). */
    public static Optional<Result> of(OptimizationRequest request) {
        MoicMatrix matrix = request.matrix();
        double[] mean = means(matrix);
        List<Integer> best = IntStream.range(0, mean.length)
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(b -> -mean[b]).thenComparing(b -> b))
                .toList();
        var fill = new Fill(request);
        request.limits().sectorBounds().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> fill.upTo(
                        best,
                        b -> fill.sectorOf(b).equals(e.getKey()),
                        e.getValue().min()));
        request.limits().stageBounds().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> fill.upTo(
                        best, b -> fill.stageOf(b) == e.getKey(), e.getValue().min()));
        fill.upTo(best, b -> true, 1);
        if (!request.deals().whole() && fill.remaining() > 1e-9) {
            return Optional.empty();
        }
        double[] weights = fill.weights();
        double expected = 0;
        for (int b = 0; b < weights.length; b++) {
            expected += weights[b] * mean[b];
        }
        return Optional.of(new Result(weights, expected, ConstraintReport.satisfied(request, weights)));
    }

    private static double[] means(MoicMatrix matrix) {
        double[] mean = new double[matrix.bucketCount()];
        for (int b = 0; b < mean.length; b++) {
            double sum = 0;
            for (int s = 0; s < matrix.scenarioCount(); s++) {
                sum += matrix.value(b, s);
            }
            mean[b] = sum / matrix.scenarioCount();
        }
        return mean;
    }

    /** Weights being poured in, and the room each cap and group maximum still leaves. */
    private static final class Fill {
        private final List<BucketSpec> buckets;
        private final RiskLimits limits;
        private final double[] weights;
        private final OptimizationRequest request;

        Fill(OptimizationRequest request) {
            this.request = request;
            this.buckets = request.buckets();
            this.limits = request.limits();
            this.weights = new double[buckets.size()];
        }

        String sectorOf(int b) {
            return buckets.get(b).sector();
        }

        Stage stageOf(int b) {
            return buckets.get(b).stage();
        }

        double remaining() {
            return 1 - Arrays.stream(weights).sum();
        }

        double[] weights() {
            return weights.clone();
        }

        /** Adds weight to the chosen buckets, best first, until their total reaches {@code target}. */
        void upTo(List<Integer> best, java.util.function.IntPredicate chosen, double target) {
            for (int b : best) {
                if (!chosen.test(b)) {
                    continue;
                }
                double total = total(chosen);
                double add = whole(b, Math.min(target - total, room(b)));
                if (add > EPS) {
                    weights[b] += add;
                }
            }
        }

        /**
         * With whole deals, the whole deals that fit in {@code add}, none unless they reach the minimum of a bucket not
         * opened yet; {@code add} itself otherwise.
         */
        private double whole(int b, double add) {
            if (!request.deals().whole()) {
                return add;
            }
            double step = request.dealWeight(b);
            long deals = (long) Math.floor(add / step + 1e-9);
            boolean opening = weights[b] == 0;
            return opening && deals < request.deals().minPerBucket() ? 0 : deals * step;
        }

        private double total(java.util.function.IntPredicate chosen) {
            double total = 0;
            for (int b = 0; b < weights.length; b++) {
                total += chosen.test(b) ? weights[b] : 0;
            }
            return total;
        }

        private double room(int b) {
            GroupBounds sector = limits.sectorBounds().getOrDefault(sectorOf(b), GroupBounds.FREE);
            GroupBounds stage = limits.stageBounds().getOrDefault(stageOf(b), GroupBounds.FREE);
            double room = Math.min(limits.bucketMaxWeight() - weights[b], remaining());
            room = Math.min(room, sector.max() - total(o -> sectorOf(o).equals(sectorOf(b))));
            room = Math.min(room, stage.max() - total(o -> stageOf(o) == stageOf(b)));
            return Math.max(0, room);
        }
    }
}
