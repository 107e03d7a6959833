package dev.vcportfolio.optimize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One bucket's share of the fund.
 *
 * @param weight share of the fund in [0, 1]
 * @param dollars fund currency units
 * @param dealCount {@code round(dollars / allInCost)}
 */
@RegisterForReflection
public record AllocationRow(String bucketKey, double weight, double dollars, long dealCount) {}
