package dev.vcportfolio.core.optimize;

/**
 * How an allocation counts deals (DESIGN 15). With whole deals a row's weight is {@code deals * allInCost / capital}
 * for a non-negative integer number of deals, the weights sum to at most 1 and the rest stays uninvested; otherwise
 * weights are any shares summing to 1.
 *
 * @param whole deal counts are integers
 * @param minPerBucket the fewest deals in a row that is used at all (0 and 1 change nothing); only with whole deals
 */
public record DealRules(boolean whole, int minPerBucket) {

    /** Weights are free shares: DESIGN 8's model. */
    public static final DealRules CONTINUOUS = new DealRules(false, 0);

    public DealRules {
        if (minPerBucket < 0) {
            throw new IllegalArgumentException("minPerBucket must be >= 0: " + minPerBucket);
        }
        if (!whole && minPerBucket > 1) {
            throw new IllegalArgumentException("minPerBucket needs whole deals: " + minPerBucket);
        }
    }

    public static DealRules whole(int minPerBucket) {
        return new DealRules(true, minPerBucket);
    }
}
