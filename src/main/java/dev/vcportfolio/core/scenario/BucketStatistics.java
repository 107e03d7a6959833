package dev.vcportfolio.core.scenario;

/**
 * What the optimizer needs of a generated bucket beside its matrix row (stored as {@code bucket_params}).
 *
 * @param key {@code sector|stage}
 * @param dealsPerBucket company paths averaged per cell
 * @param pWin share of the bucket's simulated deals (not cells, not recycled paths) whose exit returned &ge; 10x, in [0,
 *     1]
 * @param meanMoic mean of the bucket's row, &ge; 0
 * @param zeroShare share of the row's cells that are exactly 0, in [0, 1]
 */
public record BucketStatistics(String key, int dealsPerBucket, double pWin, double meanMoic, double zeroShare) {}
