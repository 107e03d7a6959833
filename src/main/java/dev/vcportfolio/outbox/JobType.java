package dev.vcportfolio.outbox;

import java.util.Optional;

/** The kinds of asynchronous work, spelled as in {@code job_outbox.job_type}. */
public enum JobType {
    MATRIX_GENERATION("matrix_generation"),
    OPTIMIZATION("optimization"),
    VALIDATION("validation"),
    /** Records one effect and nothing else: a liveness check for operators, and the crash test's unit of work. */
    PROBE("probe");

    private final String column;

    JobType(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    /** The deterministic idempotency key of this job for a subject (matrix key or session id). */
    public String idempotencyKey(String subject) {
        return column + ":" + subject;
    }

    public static Optional<JobType> fromColumn(String column) {
        for (JobType type : values()) {
            if (type.column.equals(column)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
