package dev.vcportfolio.core.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that determines a generated matrix; two equal specs give the same bits.
 *
 * @param buckets buckets to simulate, sorted into canonical order (by key) here; keys distinct
 * @param scenarioCount matrix columns, in [1, {@value #MAX_SCENARIOS}]; buckets x scenarios fits one Java array
 * @param calibration stage chain, exit laws, regimes and shocks
 * @param recycling same-bucket recycling; {@link Recycling#OFF} for none
 * @param sectorAdjustments return and risk multipliers by sector name; a sector not listed is unadjusted
 * @param seed the matrix key's 32 bytes
 */
public record ScenarioSpec(
        List<BucketPlan> buckets,
        int scenarioCount,
        Calibration calibration,
        Recycling recycling,
        Map<String, SectorAdjustment> sectorAdjustments,
        Seed seed) {

    public static final int MAX_SCENARIOS = 10_000_000;

    public ScenarioSpec {
        if (buckets == null || buckets.isEmpty()) {
            throw new IllegalArgumentException("at least one bucket is required");
        }
        List<BucketPlan> sorted = new ArrayList<>(buckets);
        sorted.sort(Comparator.comparing(BucketPlan::key));
        for (int b = 1; b < sorted.size(); b++) {
            if (sorted.get(b).key().equals(sorted.get(b - 1).key())) {
                throw new IllegalArgumentException(
                        "bucket keys must be distinct: " + sorted.get(b).key());
            }
        }
        buckets = List.copyOf(sorted);
        if (scenarioCount < 1 || scenarioCount > MAX_SCENARIOS) {
            throw new IllegalArgumentException(
                    "scenarioCount must lie in [1, " + MAX_SCENARIOS + "]: " + scenarioCount);
        }
        if ((long) buckets.size() * scenarioCount > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "buckets x scenarios exceeds one array: " + buckets.size() + " x " + scenarioCount);
        }
        if (calibration == null || recycling == null || seed == null) {
            throw new IllegalArgumentException("calibration, recycling and seed are required");
        }
        sectorAdjustments = sectorAdjustments == null ? Map.of() : Map.copyOf(new TreeMap<>(sectorAdjustments));
    }

    /** A spec without recycling or sector adjustments. */
    public static ScenarioSpec of(List<BucketPlan> buckets, int scenarioCount, Calibration calibration, Seed seed) {
        return new ScenarioSpec(buckets, scenarioCount, calibration, Recycling.OFF, Map.of(), seed);
    }

    public SectorAdjustment adjustment(String sector) {
        return sectorAdjustments.getOrDefault(sector, SectorAdjustment.NONE);
    }

    public List<String> bucketKeys() {
        return buckets.stream().map(BucketPlan::key).toList();
    }
}
