package dev.vcportfolio.matrix;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A stored matrix's metadata (never its values).
 *
 * @param status {@code generating}, {@code complete} or {@code failed}
 * @param source {@code client} for uploaded matrices, else the simulation model that generated it
 * @param rawBytes size of the float32 values, 4 x cells
 * @param compressedBytes size as stored
 * @param progress fraction of generation done, in [0, 1], while generating
 */
@RegisterForReflection
public record MatrixView(
        String matrixKey,
        String status,
        String matrixType,
        UUID fundId,
        String source,
        String calibrationVersion,
        List<String> bucketKeys,
        Integer bucketCount,
        Integer scenarioCount,
        String compressionCodec,
        String matrixLayout,
        Long rawBytes,
        Long compressedBytes,
        Double progress,
        OffsetDateTime createdAt,
        OffsetDateTime completedAt,
        String errorReason) {}
