package dev.vcportfolio.matrix;

import dev.vcportfolio.core.codec.EncodedMatrix;
import dev.vcportfolio.core.key.MatrixKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A complete matrix ready to insert: key, encoded values and what describes them. */
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
        List<?> scenarioStates) {}
