package dev.vcportfolio.core.economics;

/** A metric in one year of the fund across scenarios: its 10th, 50th and 90th percentiles. */
public record YearBand(int year, double p10, double p50, double p90) {}
