package dev.vcportfolio.core.optimize;

/**
 * Bounds on the total weight of a group of buckets (one sector, or one stage).
 *
 * @param min lower bound on the group's share of the fund, in [0, 1]
 * @param max upper bound on the group's share of the fund, in [min, 1]
 */
public record GroupBounds(double min, double max) {

    public static final GroupBounds FREE = new GroupBounds(0, 1);

    public GroupBounds {
        if (!(min >= 0 && min <= 1 && max >= 0 && max <= 1)) {
            throw new IllegalArgumentException("group bounds must lie in [0, 1]: min=" + min + ", max=" + max);
        }
        if (min > max) {
            throw new IllegalArgumentException("group min must not exceed max: min=" + min + ", max=" + max);
        }
    }

    public GroupBounds withMin(double newMin) {
        return new GroupBounds(newMin, max);
    }

    public GroupBounds withMax(double newMax) {
        return new GroupBounds(min, newMax);
    }
}
