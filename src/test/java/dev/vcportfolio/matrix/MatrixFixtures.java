package dev.vcportfolio.matrix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Request bodies for matrix tests. Each fixture's content is unique per seed so tests never dedupe each other. */
final class MatrixFixtures {

    private MatrixFixtures() {}

    record Bucket(String sector, String stage, double initialCheck, double reserveRatio) {
        Map<String, Object> json() {
            return Map.of("sector", sector, "stage", stage, "initialCheck", initialCheck, "reserveRatio", reserveRatio);
        }
    }

    static final List<Bucket> BUCKETS = List.of(
            new Bucket("SaaS", "Seed", 1_500_000, 1.0),
            new Bucket("Fintech", "SeriesA", 4_000_000, 0.5),
            new Bucket("Bio", "SeriesB", 8_000_000, 0.0));

    static float[][] rows(long seed, int buckets, int scenarios) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] rows = new float[buckets][scenarios];
        for (float[] row : rows) {
            for (int s = 0; s < scenarios; s++) {
                row[s] = random.nextDouble() < 0.4 ? 0f : (float) (0.5 / Math.pow(1 - random.nextDouble(), 0.8));
            }
        }
        return rows;
    }

    static Map<String, Object> body(List<Bucket> buckets, float[][] rows) {
        List<Object> bucketJson = new ArrayList<>();
        buckets.forEach(b -> bucketJson.add(b.json()));
        List<Object> rowJson = new ArrayList<>();
        for (float[] row : rows) {
            List<Float> values = new ArrayList<>();
            for (float v : row) {
                values.add(v);
            }
            rowJson.add(values);
        }
        return Map.of("buckets", bucketJson, "moic", rowJson, "matrixType", "moic");
    }

    static byte[] littleEndian(float[][] rows) {
        int cells = rows.length * rows[0].length;
        ByteBuffer buffer = ByteBuffer.allocate(cells * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : rows) {
            for (float v : row) {
                buffer.putFloat(v);
            }
        }
        return buffer.array();
    }
}
