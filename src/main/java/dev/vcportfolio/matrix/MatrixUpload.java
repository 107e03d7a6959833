package dev.vcportfolio.matrix;

import dev.vcportfolio.core.key.ClientBucket;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A validated matrix upload, in the client's bucket order.
 *
 * @param values row-major {@code [bucket][scenario]}, every value finite and >= 0
 */
record MatrixUpload(
        Optional<UUID> fundId, String matrixType, List<ClientBucket> buckets, int scenarioCount, float[] values) {}
