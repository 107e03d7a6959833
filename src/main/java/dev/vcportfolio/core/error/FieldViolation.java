package dev.vcportfolio.core.error;

/**
 * One rejected input field.
 *
 * @param field the JSON path of the field, e.g. {@code buckets[2].initialCheck}; {@code ""} for the whole body
 * @param message what is wrong with it, for a human
 */
public record FieldViolation(String field, String message) {
    public FieldViolation {
        field = field == null ? "" : field;
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a field violation needs a message");
        }
    }
}
