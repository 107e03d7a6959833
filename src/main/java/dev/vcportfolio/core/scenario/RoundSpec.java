package dev.vcportfolio.core.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that determines a {@code round_by_round_v1} generation (DESIGN 13); two equal specs give the same bits.
 *
 * @param rows strategy rows, sorted into canonical order (by key) here; keys distinct
 * @param scenarioCount scenarios, in [1, {@value ScenarioSpec#MAX_SCENARIOS}]; rows x scenarios x years fits one array
 * @param calibration stage chain, exit laws, regimes and shocks (as in {@code three_component_v1})
 * @param dynamics time to the next round, step-ups, dilution and entry valuations by stage
 * @param fund investment period, term and extensions
 * @param sectorAdjustments return and risk multipliers by sector name; a sector not listed is unadjusted
 * @param seed the matrix key's 32 bytes
 */
public record RoundSpec(
        List<StrategyRow> rows,
        int scenarioCount,
        Calibration calibration,
        RoundDynamics dynamics,
        FundTimeline fund,
        Map<String, SectorAdjustment> sectorAdjustments,
        Seed seed) {

    public RoundSpec {
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("at least one row is required");
        }
        List<StrategyRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(StrategyRow::key));
        for (int r = 1; r < sorted.size(); r++) {
            if (sorted.get(r).key().equals(sorted.get(r - 1).key())) {
                throw new IllegalArgumentException(
                        "row keys must be distinct: " + sorted.get(r).key());
            }
        }
        rows = List.copyOf(sorted);
        if (scenarioCount < 1 || scenarioCount > ScenarioSpec.MAX_SCENARIOS) {
            throw new IllegalArgumentException(
                    "scenarioCount must lie in [1, " + ScenarioSpec.MAX_SCENARIOS + "]: " + scenarioCount);
        }
        if (calibration == null || dynamics == null || fund == null || seed == null) {
            throw new IllegalArgumentException("calibration, dynamics, fund and seed are required");
        }
        if ((long) rows.size() * scenarioCount * fund.yearCount() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("rows x scenarios x years exceeds one array: " + rows.size() + " x "
                    + scenarioCount + " x " + fund.yearCount());
        }
        sectorAdjustments = sectorAdjustments == null ? Map.of() : Map.copyOf(new TreeMap<>(sectorAdjustments));
    }

    public SectorAdjustment adjustment(String sector) {
        return sectorAdjustments.getOrDefault(sector, SectorAdjustment.NONE);
    }

    public List<String> rowKeys() {
        return rows.stream().map(StrategyRow::key).toList();
    }

    /** The distinct buckets ({@code sector|stage}) of the rows, sorted; a bucket's rows share its systematic shock. */
    public List<String> bucketKeys() {
        return rows.stream().map(row -> row.bucket().key()).distinct().sorted().toList();
    }
}
