package dev.vcportfolio.core.optimize;

/**
 * The buckets of one sector or one stage and the bounds on their total weight.
 *
 * @param kind sector or stage
 * @param name the sector name or stage name
 * @param members bucket indexes, ascending
 * @param bounds bounds on the members' total weight
 */
record BucketGroup(Kind kind, String name, int[] members, GroupBounds bounds) {

    enum Kind {
        SECTOR,
        STAGE
    }

    double total(double[] weights) {
        double sum = 0;
        for (int b : members) {
            sum += weights[b];
        }
        return sum;
    }
}
