package dev.vcportfolio.core.model;

import java.util.List;

/**
 * Cash flows in time per allocated dollar (DESIGN 13): {@code value(r, s, y)} is what one dollar allocated to row
 * {@code r} pays out (positive) or calls (negative) in year {@code y} of scenario {@code s}, for {@code y} in 0..H; the
 * last year index {@code H + 1} holds the NAV of what is still private at the horizon. A cell's values sum to its MOIC
 * minus 1 (up to float rounding).
 *
 * <p>Float32, row-major {@code [row][scenario][year]} in one array, shared, not copied: treat it as read-only.
 *
 * @param rowKeys one key per row, distinct, in the MOIC matrix's order
 * @param scenarioCount scenarios per row, &gt; 0
 * @param yearCount values per cell, H + 2, &ge; 2
 * @param values {@code rows x scenarios x years} finite floats
 */
public record CashflowMatrix(List<String> rowKeys, int scenarioCount, int yearCount, float[] values) {

    public CashflowMatrix {
        rowKeys = List.copyOf(rowKeys);
        if (rowKeys.isEmpty()) {
            throw new IllegalArgumentException("a cash-flow matrix needs at least one row");
        }
        if (scenarioCount <= 0 || yearCount < 2) {
            throw new IllegalArgumentException(
                    "scenarioCount must be > 0 and yearCount >= 2: " + scenarioCount + ", " + yearCount);
        }
        if (values == null || (long) rowKeys.size() * scenarioCount * yearCount != values.length) {
            throw new IllegalArgumentException("values must hold rows x scenarios x years = "
                    + (long) rowKeys.size() * scenarioCount * yearCount + " floats");
        }
    }

    public int rowCount() {
        return rowKeys.size();
    }

    public float value(int row, int scenario, int year) {
        return values[(row * scenarioCount + scenario) * yearCount + year];
    }
}
