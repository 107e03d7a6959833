package dev.vcportfolio.matrix;

import dev.vcportfolio.core.codec.EncodedMatrix;
import dev.vcportfolio.core.key.MatrixKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A complete matrix ready to insert: key, encoded values and what describes them; a round-by-round one carries its
 * encoded cash flows too.
 */
record NewMatrix(
        MatrixKey key,
        Optional<UUID> fundId,
        String matrixType,
        String simModelVersion,
        Optional<String> calibrationVersion,
        List<String> bucketKeys,
        int scenarioCount,
        EncodedMatrix encoded,
        List<BucketParams> bucketParams,
        List<?> scenarioStates,
        Optional<Cashflows> cashflows) {

    /** Encoded cash flows, {@code [row][scenario][year]}, and the years per cell. */
    record Cashflows(EncodedMatrix encoded, int yearCount) {}
}
