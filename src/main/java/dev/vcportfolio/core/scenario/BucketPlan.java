package dev.vcportfolio.core.scenario;

import dev.vcportfolio.core.model.BucketSpec;

/**
 * A bucket to simulate and how many deals one cell of it averages.
 *
 * @param bucket sector, entry stage and cost of one deal
 * @param dealsPerBucket company paths averaged per cell, in [1, {@value #MAX_DEALS_PER_BUCKET}]
 */
public record BucketPlan(BucketSpec bucket, int dealsPerBucket) {

    public static final int MAX_DEALS_PER_BUCKET = 10_000;

    public BucketPlan {
        if (bucket == null) {
            throw new IllegalArgumentException("a bucket plan needs a bucket");
        }
        if (dealsPerBucket < 1 || dealsPerBucket > MAX_DEALS_PER_BUCKET) {
            throw new IllegalArgumentException("dealsPerBucket of " + bucket.key() + " must lie in [1, "
                    + MAX_DEALS_PER_BUCKET + "]: " + dealsPerBucket);
        }
    }

    public String key() {
        return bucket.key();
    }

    /**
     * DESIGN's default deal count: {@code max(1, round(fundSize * bucketMaxWeight / allInCost))}, the deals a bucket
     * filled to its cap would hold, capped at {@value #MAX_DEALS_PER_BUCKET}.
     */
    public static int defaultDeals(double fundSize, double bucketMaxWeight, BucketSpec bucket) {
        double deals = Math.rint(fundSize * bucketMaxWeight / bucket.allInCost());
        if (!(deals >= 1)) {
            return 1;
        }
        return (int) Math.min(deals, MAX_DEALS_PER_BUCKET);
    }
}
