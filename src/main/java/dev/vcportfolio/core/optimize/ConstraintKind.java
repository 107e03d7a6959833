package dev.vcportfolio.core.optimize;

/**
 * The constraints of DESIGN section 8. The relaxable ones are listed in {@link #RELAXATION_ORDER}: most willingly
 * relaxed first, loss probability as the last resort.
 */
public enum ConstraintKind {
    BUDGET,
    BUCKET_CAP,
    SECTOR_MIN,
    SECTOR_MAX,
    STAGE_MIN,
    STAGE_MAX,
    LOSS_PROBABILITY,
    CVAR,
    EXPECTED_WINNERS;

    public static final java.util.List<ConstraintKind> RELAXATION_ORDER = java.util.List.of(
            EXPECTED_WINNERS, BUCKET_CAP, SECTOR_MAX, SECTOR_MIN, STAGE_MAX, STAGE_MIN, CVAR, LOSS_PROBABILITY);

    /** MIN bounds and the winners floor only go down when relaxed; every other limit only goes up. */
    public boolean isLowerBound() {
        return this == SECTOR_MIN || this == STAGE_MIN || this == EXPECTED_WINNERS;
    }
}
