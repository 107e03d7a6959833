package dev.vcportfolio.optimize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Risk of an allocation on a matrix.
 *
 * @param lossProbability share of scenarios whose portfolio MOIC is below 1
 * @param cvar mean loss fraction {@code max(0, 1 - MOIC)} over the worst {@code 1 - cvarConfidence} of scenarios
 * @param expectedWinners expected number of deals returning at least 10x
 */
@RegisterForReflection
public record RiskMetrics(double lossProbability, double cvar, double expectedWinners) {}
