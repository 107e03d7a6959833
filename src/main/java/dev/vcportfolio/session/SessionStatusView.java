package dev.vcportfolio.session;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Where a session is. Timestamps of steps not reached are null.
 *
 * @param name the name the request gave, trimmed; null when it gave none
 * @param errorReason why a FAILED session failed
 */
@RegisterForReflection
public record SessionStatusView(
        UUID sessionId,
        String name,
        String status,
        Progress progress,
        String matrixKey,
        String errorReason,
        OffsetDateTime createdAt,
        OffsetDateTime matrixStartedAt,
        OffsetDateTime optimizationStartedAt,
        OffsetDateTime validationStartedAt,
        OffsetDateTime completedAt,
        OffsetDateTime updatedAt) {

    /**
     * @param step {@code requested}, {@code matrix_generation}, {@code optimization}, {@code validation},
     *     {@code completed}, {@code failed} or {@code cancelled}
     * @param percent 0 to 100
     */
    @RegisterForReflection
    public record Progress(String step, double percent) {}

    static SessionStatusView of(SessionRow row) {
        return new SessionStatusView(
                row.id(),
                row.name().orElse(null),
                row.status().name(),
                new Progress(row.status().step(), row.status().percent(row.generationProgress())),
                row.matrixKey(),
                row.errorReason().orElse(null),
                row.createdAt(),
                row.matrixStartedAt(),
                row.optimizationStartedAt(),
                row.validationStartedAt(),
                row.completedAt(),
                row.updatedAt());
    }
}
