package dev.vcportfolio.core.scenario;

import dev.vcportfolio.core.model.BucketSpec;

/**
 * One row of a round-by-round matrix: a bucket's deals under one reserve policy (DESIGN 13). A bucket without reserve
 * options is one row keyed {@code sector|stage}; each option is a row keyed {@code sector|stage|option}.
 *
 * @param bucket sector, entry stage, initial cheque, and this row's reserve ratio
 * @param option the reserve option's name (1-32 of letters, digits, {@code . _ -}), or empty for a bucket's only row
 * @param deals company paths per cell, in [1, {@value BucketPlan#MAX_DEALS_PER_BUCKET}]
 * @param entryValuation post-money at entry, fund currency units, finite and &ge; the initial cheque
 * @param followOn how the reserve is spent
 */
public record StrategyRow(BucketSpec bucket, String option, int deals, double entryValuation, FollowOnPolicy followOn) {

    public StrategyRow {
        if (bucket == null || option == null || followOn == null) {
            throw new IllegalArgumentException("a strategy row needs a bucket, an option name (maybe empty), a policy");
        }
        if (!option.isEmpty() && !option.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new IllegalArgumentException("an option name is 1-32 of A-Z a-z 0-9 . _ -: " + option);
        }
        if (deals < 1 || deals > BucketPlan.MAX_DEALS_PER_BUCKET) {
            throw new IllegalArgumentException(
                    "deals of " + bucket.key() + " must lie in [1, " + BucketPlan.MAX_DEALS_PER_BUCKET + "]: " + deals);
        }
        if (!(Double.isFinite(entryValuation) && entryValuation >= bucket.initialCheck())) {
            throw new IllegalArgumentException("entryValuation of " + bucket.key() + " must be finite and at least"
                    + " the initial cheque " + bucket.initialCheck() + ": " + entryValuation);
        }
    }

    /** {@code sector|stage}, or {@code sector|stage|option}. */
    public String key() {
        return option.isEmpty() ? bucket.key() : bucket.key() + "|" + option;
    }

    /** What one row's cell costs: {@code deals x initialCheck x (1 + reserveRatio)}. */
    public double allocatedCost() {
        return deals * bucket.allInCost();
    }
}
