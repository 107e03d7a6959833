package dev.vcportfolio.core.optimize;

import dev.vcportfolio.core.model.Stage;
import java.util.Map;
import java.util.TreeMap;

/**
 * The constraints of DESIGN section 8. A limit at its loosest value (cap 1, loss probability 1, CVaR 1, winners 0,
 * group bounds [0, 1]) constrains nothing.
 *
 * @param bucketMaxWeight cap on every bucket's weight, in (0, 1]
 * @param sectorBounds bounds per sector name; sectors not named are free
 * @param stageBounds bounds per stage; stages not named are free
 * @param maxLossProbability largest allowed share of scenarios with portfolio MOIC below 1, in [0, 1]
 * @param cvarConfidence CVaR level c in (0, 1): c = 0.95 averages the worst 5 % of scenarios
 * @param cvarLimit largest allowed CVaR of the loss fraction {@code max(0, 1 - M)}, in [0, 1]
 * @param minExpectedWinners least expected number of deals returning at least 10x, &ge; 0
 */
public record RiskLimits(
        double bucketMaxWeight,
        Map<String, GroupBounds> sectorBounds,
        Map<Stage, GroupBounds> stageBounds,
        double maxLossProbability,
        double cvarConfidence,
        double cvarLimit,
        double minExpectedWinners) {

    public RiskLimits {
        sectorBounds = Map.copyOf(sectorBounds);
        stageBounds = Map.copyOf(stageBounds);
        if (!(bucketMaxWeight > 0 && bucketMaxWeight <= 1)) {
            throw new IllegalArgumentException("bucketMaxWeight must be in (0, 1]: " + bucketMaxWeight);
        }
        if (!(maxLossProbability >= 0 && maxLossProbability <= 1)) {
            throw new IllegalArgumentException("maxLossProbability must be in [0, 1]: " + maxLossProbability);
        }
        if (!(cvarConfidence > 0 && cvarConfidence < 1)) {
            throw new IllegalArgumentException("cvarConfidence must be in (0, 1): " + cvarConfidence);
        }
        if (!(cvarLimit >= 0 && cvarLimit <= 1)) {
            throw new IllegalArgumentException("cvarLimit must be in [0, 1]: " + cvarLimit);
        }
        if (!(Double.isFinite(minExpectedWinners) && minExpectedWinners >= 0)) {
            throw new IllegalArgumentException("minExpectedWinners must be finite and >= 0: " + minExpectedWinners);
        }
    }

    /** Limits that constrain nothing but the budget. */
    public static RiskLimits none() {
        return new RiskLimits(1, Map.of(), Map.of(), 1, 0.95, 1, 0);
    }

    public RiskLimits withBucketMaxWeight(double value) {
        return new RiskLimits(
                value, sectorBounds, stageBounds, maxLossProbability, cvarConfidence, cvarLimit, minExpectedWinners);
    }

    public RiskLimits withMaxLossProbability(double value) {
        return new RiskLimits(
                bucketMaxWeight, sectorBounds, stageBounds, value, cvarConfidence, cvarLimit, minExpectedWinners);
    }

    public RiskLimits withCvar(double confidence, double limit) {
        return new RiskLimits(
                bucketMaxWeight, sectorBounds, stageBounds, maxLossProbability, confidence, limit, minExpectedWinners);
    }

    public RiskLimits withMinExpectedWinners(double value) {
        return new RiskLimits(
                bucketMaxWeight, sectorBounds, stageBounds, maxLossProbability, cvarConfidence, cvarLimit, value);
    }

    public RiskLimits withSector(String sector, GroupBounds bounds) {
        var copy = new TreeMap<>(sectorBounds);
        copy.put(sector, bounds);
        return new RiskLimits(
                bucketMaxWeight, copy, stageBounds, maxLossProbability, cvarConfidence, cvarLimit, minExpectedWinners);
    }

    public RiskLimits withStage(Stage stage, GroupBounds bounds) {
        var copy = new TreeMap<>(stageBounds);
        copy.put(stage, bounds);
        return new RiskLimits(
                bucketMaxWeight, sectorBounds, copy, maxLossProbability, cvarConfidence, cvarLimit, minExpectedWinners);
    }
}
