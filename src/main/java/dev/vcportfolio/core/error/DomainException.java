package dev.vcportfolio.core.error;

import java.util.List;

/**
 * What a service reports when a request cannot be carried out, with no HTTP knowledge: the web layer maps each case to
 * a status and a problem body.
 */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.NotFound,
                DomainException.Conflict,
                DomainException.Invalid,
                DomainException.Infeasible,
                DomainException.Unavailable {

    private DomainException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** The thing does not exist, or the caller may not know that it does. */
    public static final class NotFound extends DomainException {
        public NotFound(String message) {
            super(message, null);
        }
    }

    /** The request contradicts the current state (e.g. reused idempotency key, result not ready yet). */
    public static final class Conflict extends DomainException {
        public Conflict(String message) {
            super(message, null);
        }
    }

    /** The request is malformed; {@link #violations()} name the offending fields. */
    public static final class Invalid extends DomainException {
        private final List<FieldViolation> violations;

        public Invalid(String message, List<FieldViolation> violations) {
            super(message, null);
            this.violations = List.copyOf(violations);
        }

        public static Invalid of(String field, String message) {
            return new Invalid(field + ": " + message, List.of(new FieldViolation(field, message)));
        }

        public List<FieldViolation> violations() {
            return violations;
        }
    }

    /** The request is well formed but no answer satisfies it. */
    public static final class Infeasible extends DomainException {
        public Infeasible(String message) {
            super(message, null);
        }
    }

    /** A dependency (the database) is down; the client may retry. */
    public static final class Unavailable extends DomainException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
