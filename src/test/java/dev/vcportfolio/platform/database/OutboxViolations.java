package dev.vcportfolio.platform.database;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Rows of {@code job_outbox} that each break exactly one constraint. */
final class OutboxViolations {

    private OutboxViolations() {}

    private static final String INSERT =
            "INSERT INTO job_outbox (idempotency_key, job_type, payload, status, attempts, max_attempts, processing_at,"
                    + " completed_at, error_reason) VALUES ";

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments(
                        "job_outbox_job_type_check",
                        INSERT + "('schema-test:1', 'mining', '{}', 'pending', 0, 3, NULL, NULL, NULL)"),
                arguments(
                        "job_outbox_status_check",
                        INSERT + "('schema-test:2', 'optimization', '{}', 'done', 0, 3, NULL, NULL, NULL)"),
                arguments(
                        "job_outbox_attempts_check",
                        INSERT + "('schema-test:3', 'optimization', '{}', 'pending', 4, 3, NULL, NULL, NULL)"),
                arguments(
                        "job_outbox_max_attempts_check",
                        INSERT + "('schema-test:4', 'optimization', '{}', 'pending', 0, 0, NULL, NULL, NULL)"),
                arguments(
                        "job_outbox_lease_check",
                        INSERT + "('schema-test:5', 'optimization', '{}', 'processing', 1, 3, NULL, NULL, NULL)"),
                arguments(
                        "job_outbox_lease_check",
                        INSERT + "('schema-test:6', 'optimization', '{}', 'pending', 0, 3, now(), NULL, NULL)"),
                arguments(
                        "job_outbox_completed_at_check",
                        INSERT + "('schema-test:7', 'optimization', '{}', 'completed', 1, 3, NULL, NULL, NULL)"),
                arguments(
                        "job_outbox_completed_at_check",
                        INSERT + "('schema-test:8', 'optimization', '{}', 'pending', 0, 3, NULL, now(), NULL)"),
                arguments(
                        "job_outbox_failed_reason_check",
                        INSERT + "('schema-test:9', 'optimization', '{}', 'failed', 3, 3, NULL, now(), NULL)"),
                arguments(
                        "job_outbox_idempotency_key_unique",
                        INSERT + "('schema-test:10', 'optimization', '{}', 'pending', 0, 3, NULL, NULL, NULL),"
                                + " ('schema-test:10', 'validation', '{}', 'pending', 0, 3, NULL, NULL, NULL)"));
    }
}
