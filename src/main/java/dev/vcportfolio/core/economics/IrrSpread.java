package dev.vcportfolio.core.economics;

import java.util.OptionalDouble;

/**
 * Net IRR across the scenarios that have one; percentiles are empty when none does.
 *
 * @param undefinedShare scenarios whose LP flows never change sign (or have no rate in range), in [0, 1]
 */
public record IrrSpread(OptionalDouble p10, OptionalDouble p50, OptionalDouble p90, double undefinedShare) {}
