package dev.vcportfolio.session;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;
import java.util.UUID;

/**
 * The reply to a new (or replayed) optimization request.
 *
 * @param links {@code status}, {@code result} and {@code cancel}
 */
@RegisterForReflection
public record SessionAccepted(UUID sessionId, String status, String matrixKey, Map<String, String> links) {

    static SessionAccepted of(UUID id, SessionStatus status, String matrixKey) {
        return new SessionAccepted(
                id,
                status.name(),
                matrixKey,
                Map.of(
                        "status", "/api/optimization/status/" + id,
                        "result", "/api/optimization/result/" + id,
                        "cancel", "/api/optimization/" + id + "/cancel"));
    }
}
