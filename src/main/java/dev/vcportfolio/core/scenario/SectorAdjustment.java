package dev.vcportfolio.core.scenario;

/**
 * A sector's deviation from the calibration. The return multiplier scales every exit value of the sector's buckets
 * (the whole exit law, median and P90 alike); the risk multiplier scales the amplitude of the systematic and
 * idiosyncratic shocks on its exits, so a riskier sector spreads wider around the same calibrated law.
 *
 * @param returnMultiplier finite and &gt; 0; 1 leaves exits as calibrated
 * @param riskMultiplier finite and &ge; 0; 1 leaves the shocks as calibrated, 0 switches them off
 */
public record SectorAdjustment(double returnMultiplier, double riskMultiplier) {

    public static final SectorAdjustment NONE = new SectorAdjustment(1, 1);

    public SectorAdjustment {
        if (!(Double.isFinite(returnMultiplier) && returnMultiplier > 0)) {
            throw new IllegalArgumentException("returnMultiplier must be finite and > 0: " + returnMultiplier);
        }
        if (!(Double.isFinite(riskMultiplier) && riskMultiplier >= 0)) {
            throw new IllegalArgumentException("riskMultiplier must be finite and >= 0: " + riskMultiplier);
        }
    }
}
