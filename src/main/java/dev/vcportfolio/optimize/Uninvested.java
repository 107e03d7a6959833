package dev.vcportfolio.optimize;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The capital an allocation in whole deals leaves uninvested (DESIGN 15): less than a further deal costs, unless caps
 * or bounds stop it. Zero for free shares.
 *
 * @param weight share of the capital the weights split
 * @param dollars fund currency units
 */
@RegisterForReflection
public record Uninvested(double weight, double dollars) {

    /** @param capital what the weights split: investable capital (after fees) or the fund size */
    public static Uninvested of(List<AllocationRow> allocation, double capital) {
        double invested = 0;
        for (var row : allocation) {
            invested += row.weight();
        }
        double weight = Math.max(0, 1 - invested);
        // Below a cent of a dollar it is rounding, not capital.
        return weight * capital < 0.01 ? new Uninvested(0, 0) : new Uninvested(weight, weight * capital);
    }
}
