package dev.vcportfolio.session;

import dev.vcportfolio.core.error.DomainException;
import dev.vcportfolio.core.error.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The query of {@code GET /api/optimization/sessions}, parsed: every malformed parameter is a 400 naming it.
 *
 * @param fundId the fund to list; empty: the token's first fund
 * @param limit 1 to {@value #MAX_LIMIT} sessions per page
 * @param after where the previous page ended; empty for the first page
 */
record SessionListQuery(Optional<UUID> fundId, int limit, Optional<SessionCursor> after) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    SessionListQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + ", got " + limit);
        }
    }

    /** The raw query parameters, each null when absent. */
    static SessionListQuery parse(String fundId, String limit, String cursor) {
        List<FieldViolation> violations = new ArrayList<>();
        Optional<UUID> fund = Optional.empty();
        if (fundId != null) {
            try {
                fund = Optional.of(uuid(fundId));
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("fundId", "must be a UUID"));
            }
        }
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            size = limit(limit).orElse(-1);
            if (size < 1) {
                violations.add(new FieldViolation("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            }
        }
        Optional<SessionCursor> after = Optional.empty();
        if (cursor != null) {
            try {
                after = Optional.of(SessionCursor.decode(cursor));
            } catch (DomainException.Invalid e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new DomainException.Invalid(
                    violations.getFirst().field() + ": " + violations.getFirst().message(), violations);
        }
        return new SessionListQuery(fund, size, after);
    }

    private static Optional<Integer> limit(String text) {
        if (!text.matches("[0-9]{1,3}")) {
            return Optional.empty();
        }
        int value = Integer.parseInt(text);
        return value <= MAX_LIMIT ? Optional.of(value) : Optional.empty();
    }

    /** The canonical 36-character form only: {@code UUID.fromString} also takes shortened groups. */
    private static UUID uuid(String text) {
        if (text.length() != 36) {
            throw new IllegalArgumentException("not a UUID: " + text);
        }
        return UUID.fromString(text);
    }
}
