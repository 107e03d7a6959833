package dev.vcportfolio.outbox;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A job this worker holds: {@code attempt} is the attempt number the claim gave it, and every completing statement
 * checks it, so a worker whose lease was taken back commits nothing.
 */
public record ClaimedJob(
        UUID id,
        String idempotencyKey,
        String jobType,
        JsonObject payload,
        int attempt,
        int maxAttempts,
        OffsetDateTime createdAt,
        OffsetDateTime dueAt,
        OffsetDateTime claimedAt) {

    public boolean lastAttempt() {
        return attempt >= maxAttempts;
    }
}
