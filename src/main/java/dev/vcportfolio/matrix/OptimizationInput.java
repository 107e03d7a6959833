package dev.vcportfolio.matrix;

import dev.vcportfolio.core.model.MoicMatrix;
import java.util.List;
import java.util.UUID;

/**
 * A complete matrix decoded for the optimizer, with what it needs of each bucket beside the values.
 *
 * @param params one per matrix row, in row order
 * @param generated whether the matrix was simulated (fresh scenarios can be drawn from its plan) or uploaded
 */
public record OptimizationInput(
        UUID matrixId, String matrixKey, MoicMatrix matrix, List<BucketParams> params, boolean generated) {

    public OptimizationInput {
        params = List.copyOf(params);
        if (params.size() != matrix.bucketCount()) {
            throw new IllegalArgumentException(
                    "need one bucket params per row: rows=" + matrix.bucketCount() + ", params=" + params.size());
        }
    }
}
