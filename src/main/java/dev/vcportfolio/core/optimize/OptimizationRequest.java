package dev.vcportfolio.core.optimize;

import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.MoicMatrix;
import java.util.List;

/**
 * One optimization: the scenario matrix, what a deal costs in each bucket, and the limits.
 *
 * @param matrix MOIC per dollar of all-in cost, row {@code b} belongs to {@code buckets.get(b)}
 * @param buckets one spec per matrix row, in the matrix's order; the row key is {@code buckets.get(b).key()}, or that
 *     and {@code |option} for a reserve option's row (DESIGN 13)
 * @param fundSize fund capital to allocate, currency units, finite and &gt; 0
 * @param winProbabilities per bucket, the share of single deals returning at least 10x, each in [0, 1]
 * @param limits the constraints
 * @param deals whether deal counts are whole, and the fewest deals in a used row
 */
public record OptimizationRequest(
        MoicMatrix matrix,
        List<BucketSpec> buckets,
        double fundSize,
        List<Double> winProbabilities,
        RiskLimits limits,
        DealRules deals) {

    /** A request whose weights are free shares ({@link DealRules#CONTINUOUS}). */
    public OptimizationRequest(
            MoicMatrix matrix,
            List<BucketSpec> buckets,
            double fundSize,
            List<Double> winProbabilities,
            RiskLimits limits) {
        this(matrix, buckets, fundSize, winProbabilities, limits, DealRules.CONTINUOUS);
    }

    public OptimizationRequest {
        java.util.Objects.requireNonNull(deals, "deals");
        buckets = List.copyOf(buckets);
        winProbabilities = List.copyOf(winProbabilities);
        if (buckets.size() != matrix.bucketCount() || winProbabilities.size() != matrix.bucketCount()) {
            throw new IllegalArgumentException("need one bucket spec and one win probability per matrix row: rows="
                    + matrix.bucketCount() + ", specs=" + buckets.size() + ", winProbabilities="
                    + winProbabilities.size());
        }
        for (int b = 0; b < buckets.size(); b++) {
            String row = matrix.bucketKeys().get(b);
            String bucket = buckets.get(b).key();
            if (!row.equals(bucket) && !(row.startsWith(bucket + "|") && row.indexOf('|', bucket.length() + 1) < 0)) {
                throw new IllegalArgumentException(
                        "bucket " + b + " is " + buckets.get(b).key() + " but matrix row is "
                                + matrix.bucketKeys().get(b));
            }
            double p = winProbabilities.get(b);
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(
                        "win probability of " + buckets.get(b).key() + " must be in [0, 1]: " + p);
            }
        }
        if (!(Double.isFinite(fundSize) && fundSize > 0)) {
            throw new IllegalArgumentException("fundSize must be finite and > 0: " + fundSize);
        }
    }

    public OptimizationRequest withLimits(RiskLimits newLimits) {
        return new OptimizationRequest(matrix, buckets, fundSize, winProbabilities, newLimits, deals);
    }

    public OptimizationRequest withDeals(DealRules newDeals) {
        return new OptimizationRequest(matrix, buckets, fundSize, winProbabilities, limits, newDeals);
    }

    /** The weight one deal of row {@code b} takes: its all-in cost over the capital the weights split. */
    public double dealWeight(int b) {
        return buckets.get(b).allInCost() / fundSize;
    }

    /** Expected 10x winners per unit of weight in bucket {@code b}: deals bought times their win probability. */
    public double winnersPerWeight(int b) {
        return fundSize / buckets.get(b).allInCost() * winProbabilities.get(b);
    }

    /** The share of a bucket's cells at or above 10x: the fallback win probability for a client-written matrix. */
    public static List<Double> winProbabilitiesFromCells(MoicMatrix matrix) {
        Double[] shares = new Double[matrix.bucketCount()];
        for (int b = 0; b < shares.length; b++) {
            int wins = 0;
            for (int s = 0; s < matrix.scenarioCount(); s++) {
                wins += matrix.value(b, s) >= 10f ? 1 : 0;
            }
            shares[b] = (double) wins / matrix.scenarioCount();
        }
        return List.of(shares);
    }
}
