package dev.vcportfolio.core.validate;

/**
 * An allocation re-measured on scenarios it was not chosen on (DESIGN 9). A violation is how far a measure lies past
 * its limit (0 when within); {@code feasible} is true when none does.
 *
 * @param scenarios how many fresh scenarios were measured
 */
public record ValidationMetrics(
        int scenarios,
        double expectedMoic,
        double lossProbability,
        double cvar,
        double expectedWinners,
        double maxLossViolation,
        double cvarViolation,
        double winnerCountViolation,
        boolean feasible) {}
