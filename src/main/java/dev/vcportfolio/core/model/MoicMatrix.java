package dev.vcportfolio.core.model;

import java.util.List;

/**
 * A scenario matrix of MOIC outcomes: {@code value(b, s)} is what one dollar of all-in cost in bucket {@code b}
 * returns in scenario {@code s}.
 *
 * <p>Values are float32, stored row-major {@code [bucket][scenario]} in one array (the codec's layout). The array is
 * shared, not copied: treat it as read-only.
 *
 * @param bucketKeys one key per row ({@code sector|stage}), distinct
 * @param scenarioCount columns per row, &gt; 0
 * @param values {@code bucketKeys.size() * scenarioCount} finite, non-negative floats
 */
public record MoicMatrix(List<String> bucketKeys, int scenarioCount, float[] values) {

    public MoicMatrix {
        bucketKeys = List.copyOf(bucketKeys);
        if (bucketKeys.isEmpty()) {
            throw new IllegalArgumentException("a matrix needs at least one bucket");
        }
        if (scenarioCount <= 0) {
            throw new IllegalArgumentException("scenarioCount must be > 0: " + scenarioCount);
        }
        if (values == null || (long) bucketKeys.size() * scenarioCount != values.length) {
            throw new IllegalArgumentException("values must hold bucketCount * scenarioCount = "
                    + (long) bucketKeys.size() * scenarioCount + " cells");
        }
    }

    public int bucketCount() {
        return bucketKeys.size();
    }

    public float value(int bucket, int scenario) {
        return values[bucket * scenarioCount + scenario];
    }
}
