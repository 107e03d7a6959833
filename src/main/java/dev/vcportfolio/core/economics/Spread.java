package dev.vcportfolio.core.economics;

/** A metric across scenarios: its mean and its 10th, 50th and 90th percentiles. */
public record Spread(double mean, double p10, double p50, double p90) {}
