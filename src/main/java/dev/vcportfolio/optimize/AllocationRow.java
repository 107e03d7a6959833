package dev.vcportfolio.optimize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One bucket's part of the fund, deals first: what a fund manager decides.
 *
 * @param dealCount whole deals (with free shares, {@code round(dollars / allInCost)})
 * @param dollars fund currency units: the deals' all-in cost
 * @param weight share of the capital the weights split, in [0, 1]
 */
@RegisterForReflection
public record AllocationRow(String bucketKey, long dealCount, double dollars, double weight) {}
