package dev.vcportfolio.core.scenario;

/**
 * How the bucket-systematic and idiosyncratic shocks (each uniform in [-1, 1]) scale an exit: by the factor {@code 1 +
 * shockScale * (systematicWeight * systematic + idiosyncraticWeight * idiosyncratic)}, floored at 0.
 *
 * @param shockScale overall amplitude, finite and &ge; 0 (0 switches both shocks off)
 * @param systematicWeight weight of the shock shared by all deals of a bucket in a scenario, finite and &ge; 0
 * @param idiosyncraticWeight weight of each deal's own shock, finite and &ge; 0
 */
public record ShockWeights(double shockScale, double systematicWeight, double idiosyncraticWeight) {

    /** No shocks at all: every exit is the pure calibrated draw. */
    public static final ShockWeights NONE = new ShockWeights(0, 0, 0);

    public ShockWeights {
        checkWeight("shockScale", shockScale);
        checkWeight("systematicWeight", systematicWeight);
        checkWeight("idiosyncraticWeight", idiosyncraticWeight);
    }

    /** The factor an exit is scaled by, before the floor at 0; {@code risk} amplifies both shocks (1 = as calibrated). */
    public double factor(double systematic, double idiosyncratic, double risk) {
        return 1 + shockScale * risk * (systematicWeight * systematic + idiosyncraticWeight * idiosyncratic);
    }

    private static void checkWeight(String name, double value) {
        if (!(Double.isFinite(value) && value >= 0)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0: " + value);
        }
    }
}
