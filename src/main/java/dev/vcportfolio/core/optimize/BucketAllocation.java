package dev.vcportfolio.core.optimize;

/**
 * One bucket's share of the fund.
 *
 * @param bucketKey {@code sector|stage}
 * @param weight share of the fund, in [0, 1]
 * @param dollars {@code weight * fundSize}, currency units
 * @param deals {@code round(weight * fundSize / allInCost)}, whole deals
 */
public record BucketAllocation(String bucketKey, double weight, double dollars, long deals) {}
