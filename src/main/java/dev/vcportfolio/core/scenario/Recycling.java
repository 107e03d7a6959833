package dev.vcportfolio.core.scenario;

/**
 * Same-bucket recycling of exit proceeds. A winning deal (MOIC &gt; 1) sets aside {@code utilization} of its proceeds,
 * at most {@code cashMultiple} times its all-in cost; a cell's set-aside cash buys up to {@code maxRecycleDeals} new
 * company paths of the same bucket in the same scenario, each costing at most one all-in cost, and their returns replace
 * the cash set aside. A cell, recycled returns included, is still capped at maxMoic.
 *
 * <p>Off is one canonical value, {@link #OFF} ({@code enabled=false, utilization=0, cashMultiple=1,
 * maxRecycleDeals=0}): a disabled configuration is normalized to it whatever else it says, so equivalent requests share
 * a matrix key, and the generator then draws exactly what it draws without recycling.
 *
 * @param enabled whether winners recycle at all
 * @param utilization share of a winner's proceeds recycled, in [0, 1]
 * @param cashMultiple cap on a deal's recycled cash as a multiple of its all-in cost, finite and &ge; 0
 * @param maxRecycleDeals most new company paths per cell, in [0, {@value #MAX_RECYCLE_DEALS}]
 */
public record Recycling(boolean enabled, double utilization, double cashMultiple, int maxRecycleDeals) {

    public static final int MAX_RECYCLE_DEALS = 1_000;

    public static final Recycling OFF = new Recycling(false, 0, 1, 0);

    public Recycling {
        if (!enabled) {
            utilization = 0;
            cashMultiple = 1;
            maxRecycleDeals = 0;
        }
        if (!(utilization >= 0 && utilization <= 1)) {
            throw new IllegalArgumentException("utilization must lie in [0, 1]: " + utilization);
        }
        if (!(Double.isFinite(cashMultiple) && cashMultiple >= 0)) {
            throw new IllegalArgumentException("cashMultiple must be finite and >= 0: " + cashMultiple);
        }
        if (maxRecycleDeals < 0 || maxRecycleDeals > MAX_RECYCLE_DEALS) {
            throw new IllegalArgumentException(
                    "maxRecycleDeals must lie in [0, " + MAX_RECYCLE_DEALS + "]: " + maxRecycleDeals);
        }
    }

    /** Whether this configuration can change any cell (enabled with some cash and some deals to put it in). */
    public boolean active() {
        return enabled && utilization > 0 && cashMultiple > 0 && maxRecycleDeals > 0;
    }
}
