package dev.vcportfolio.core.optimize;

/**
 * One logged move of a limit that made an infeasible request feasible.
 *
 * @param kind the limit moved
 * @param subject the sector or stage for group limits, else empty
 * @param direction {@code "lowered"} for minimums and the winners floor, {@code "raised"} for maximums
 * @param oldValue the requested value
 * @param newValue the least move that restores feasibility (to 1e-6; loss probability to one scenario)
 * @param provenLeast whether {@code newValue} was proven the least move; false when a solver limit (or the request's
 *     budget) stopped the search for it, so the move restores feasibility but a smaller one may exist
 * @param provenBound the best proven bound on the least move: no allocation meets the other limits with this limit
 *     beyond it (below it for a maximum, above it for a minimum; for the loss probability, the least loss probability
 *     any allocation can have as far as proven). Equal to {@code newValue} when {@code provenLeast}; NaN when nothing
 *     was proven
 */
public record RelaxationStep(
        ConstraintKind kind,
        String subject,
        String direction,
        double oldValue,
        double newValue,
        boolean provenLeast,
        double provenBound) {}
