package dev.vcportfolio.matrix;

import java.util.Optional;
import java.util.UUID;

/**
 * A matrix row as a transaction that locked it sees it.
 *
 * @param status {@code generating}, {@code complete} or {@code failed}
 */
public record MatrixState(UUID id, String matrixKey, String status, Optional<String> errorReason) {

    public boolean complete() {
        return "complete".equals(status);
    }

    public boolean failed() {
        return "failed".equals(status);
    }
}
