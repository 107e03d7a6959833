package dev.vcportfolio.core.scenario;

/**
 * How a company lives at one stage in the {@code round_by_round_v1} model (DESIGN 13).
 *
 * @param yearsToNextRound years a company spends at this stage before its next transition draw (exit, graduate,
 *     fail or stay another round)
 * @param stepUp post-money multiple of the round that takes a company <em>into</em> this stage over the previous
 *     post-money (unused at the first stage of the chain)
 * @param dilution share of the company that the round into this stage sells, in [0, {@value #MAX_DILUTION}]
 * @param entryPostMoney post-money valuation at which a fund enters a company at this stage when the bucket names
 *     none, fund currency units, finite and &gt; 0
 */
public record StageDynamics(
        LognormalLaw yearsToNextRound, LognormalLaw stepUp, double dilution, double entryPostMoney) {

    public static final double MAX_DILUTION = 0.9;

    public StageDynamics {
        if (yearsToNextRound == null || stepUp == null) {
            throw new IllegalArgumentException("yearsToNextRound and stepUp are required");
        }
        if (!(dilution >= 0 && dilution <= MAX_DILUTION)) {
            throw new IllegalArgumentException("dilution must lie in [0, " + MAX_DILUTION + "]: " + dilution);
        }
        if (!(Double.isFinite(entryPostMoney) && entryPostMoney > 0)) {
            throw new IllegalArgumentException("entryPostMoney must be finite and > 0: " + entryPostMoney);
        }
    }
}
