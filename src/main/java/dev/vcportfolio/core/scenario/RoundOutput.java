package dev.vcportfolio.core.scenario;

/**
 * The arrays a round-by-round generation fills, each cell at a fixed index whatever thread computes it: the two
 * matrices, and per (row, scenario) cell the sums the row statistics are made of (added up in row order at the end, so
 * their bits do not depend on threads).
 */
final class RoundOutput {

    final float[] moic;
    final float[] cashflows;
    final double[] followOn;
    final double[] exitYears;
    final double[] exitOwnership;

    RoundOutput(int rows, int scenarios, int years) {
        int cells = rows * scenarios;
        moic = new float[cells];
        cashflows = new float[cells * years];
        followOn = new double[cells];
        exitYears = new double[cells];
        exitOwnership = new double[cells];
    }
}
