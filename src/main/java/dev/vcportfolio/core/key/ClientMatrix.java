package dev.vcportfolio.core.key;

import dev.vcportfolio.core.codec.Float32;
import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.MoicMatrix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A matrix a client brings, in canonical form: buckets sorted by key with their rows moved along, so the same content
 * in any bucket order gives the same stored rows and the same key.
 *
 * @param fundId the owning fund, if any
 * @param matrixType {@code moic} (others reserved)
 * @param buckets bucket definitions in canonical (key) order
 * @param matrix the values, rows in the same order as {@code buckets}
 */
public record ClientMatrix(Optional<UUID> fundId, String matrixType, List<ClientBucket> buckets, MoicMatrix matrix) {

    public ClientMatrix {
        buckets = List.copyOf(buckets);
        List<String> keys = buckets.stream().map(b -> b.spec().key()).toList();
        if (!keys.equals(matrix.bucketKeys())) {
            throw new IllegalArgumentException("matrix rows must follow the buckets' order");
        }
        if (!keys.equals(keys.stream().sorted().toList())) {
            throw new IllegalArgumentException("buckets must be in canonical (sorted) order");
        }
    }

    /**
     * Puts an upload in canonical form.
     *
     * @param values row-major {@code [bucket][scenario]} in the order of {@code buckets}
     * @throws IllegalArgumentException on duplicate bucket keys or a size mismatch
     */
    public static ClientMatrix canonical(
            Optional<UUID> fundId, String matrixType, List<ClientBucket> buckets, int scenarioCount, float[] values) {
        Set<String> seen = new HashSet<>();
        for (ClientBucket bucket : buckets) {
            if (!seen.add(bucket.spec().key())) {
                throw new IllegalArgumentException(
                        "duplicate bucket " + bucket.spec().key());
            }
        }
        int[] order = IntStream.range(0, buckets.size())
                .boxed()
                .sorted(Comparator.comparing(i -> buckets.get(i).spec().key()))
                .mapToInt(Integer::intValue)
                .toArray();
        List<ClientBucket> sorted = new ArrayList<>(buckets.size());
        float[] rows = new float[values.length];
        for (int target = 0; target < order.length; target++) {
            sorted.add(buckets.get(order[target]));
            System.arraycopy(values, order[target] * scenarioCount, rows, target * scenarioCount, scenarioCount);
        }
        List<String> keys = sorted.stream().map(b -> b.spec().key()).toList();
        return new ClientMatrix(fundId, matrixType, sorted, new MoicMatrix(keys, scenarioCount, rows));
    }

    /** The key: bucket definitions and the exact bits of the content, in canonical order. */
    public MatrixKey key() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("keySchemaVersion", MatrixKey.SCHEMA_VERSION);
        tree.put("source", "client");
        tree.put("fundId", fundId.map(UUID::toString).orElse(null));
        tree.put("matrixType", matrixType);
        tree.put("buckets", buckets.stream().map(ClientMatrix::bucketTree).toList());
        tree.put("scenarioCount", matrix.scenarioCount());
        tree.put("contentSha256", HexFormat.of().formatHex(MatrixKey.sha256(Float32.toLittleEndian(matrix.values()))));
        return MatrixKey.of(tree);
    }

    private static Map<String, Object> bucketTree(ClientBucket bucket) {
        BucketSpec spec = bucket.spec();
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("key", spec.key());
        tree.put("sector", spec.sector());
        tree.put("stage", spec.stage().name());
        tree.put("initialCheck", spec.initialCheck());
        tree.put("reserveRatio", spec.reserveRatio());
        tree.put("pWin", bucket.pWin().isPresent() ? bucket.pWin().getAsDouble() : null);
        return tree;
    }
}
