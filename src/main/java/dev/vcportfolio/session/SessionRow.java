package dev.vcportfolio.session;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A session as stored, with its matrix's key and generation progress; the jsonb columns stay raw until a reply needs
 * them.
 */
record SessionRow(
        UUID id,
        UUID fundId,
        Optional<String> name,
        SessionStatus status,
        String matrixKey,
        double generationProgress,
        JsonObject config,
        Optional<String> errorReason,
        Object allocation,
        Object solverMetadata,
        Object constraintReport,
        Object relaxationLog,
        Object validationMetrics,
        Object fundMetrics,
        Object sensitivity,
        Double pass1EStar,
        Double primaryLockEpsilon,
        OffsetDateTime createdAt,
        OffsetDateTime matrixStartedAt,
        OffsetDateTime optimizationStartedAt,
        OffsetDateTime validationStartedAt,
        OffsetDateTime completedAt,
        OffsetDateTime updatedAt) {}
