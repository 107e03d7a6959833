package dev.vcportfolio.matrix;

import dev.vcportfolio.core.codec.Float32;

/** Splits decoded float32 bytes into one row per bucket for the JSON form. */
final class MoicRows {

    private MoicRows() {}

    static float[][] of(MatrixService.Values values) {
        float[] flat = Float32.fromLittleEndian(values.littleEndian());
        int scenarios = values.scenarioCount();
        float[][] rows = new float[values.bucketKeys().size()][];
        for (int b = 0; b < rows.length; b++) {
            rows[b] = java.util.Arrays.copyOfRange(flat, b * scenarios, (b + 1) * scenarios);
        }
        return rows;
    }
}
