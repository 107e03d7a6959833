package dev.vcportfolio.core.optimize;

/** What a MILP solve optimizes. */
sealed interface Goal {

    /** Pass 1: maximize E[M]. */
    record MaxExpectedMoic() implements Goal {}

    /** Pass 2: keep {@code E[M] >= floor}, minimize {@code sum_b |w_b - 1/B|}. */
    record MinDeviation(double floor) implements Goal {}

    /**
     * A step of {@link ProofLadder}: the fewest scenarios that lose under any allocation with {@code E[M] >= floor}
     * and {@code sum_b |w_b - 1/B| <= deviationCap} (infinite: no such row). Other limits as in the request; an
     * infeasible model proves that no allocation meeting every limit reaches that floor within that cap.
     */
    record FewestLosses(double floor, double deviationCap) implements Goal {}

    /**
     * Relaxation: drop one limit and optimize its left-hand side instead, which gives the least move of that limit
     * that restores feasibility.
     *
     * @param kind the limit freed
     * @param group the sector or stage name for group limits, else empty
     */
    record LeastMove(ConstraintKind kind, String group) implements Goal {}
}
