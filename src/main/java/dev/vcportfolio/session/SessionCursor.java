package dev.vcportfolio.session;

import dev.vcportfolio.core.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of a fund's sessions ended: the last session's {@code (created_at, id)}, the listing's keyset. Clients
 * see it as an opaque token (base64url of {@code v1:<epoch microseconds>:<id>}); it only says where to continue, so a
 * cursor sent with another fund shows nothing of the fund it came from.
 *
 * @param createdAt to the microsecond, as PostgreSQL keeps it
 */
record SessionCursor(OffsetDateTime createdAt, UUID id) {

    /** Far longer than any cursor this class writes (about 80 characters); refused before decoding. */
    private static final int MAX_LENGTH = 200;

    private static final Pattern FORMAT =
            Pattern.compile("v1:(-?[0-9]{1,18}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    /** PostgreSQL's timestamptz cannot hold every instant Java can; a cursor this service wrote is inside these. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    SessionCursor {
        if (createdAt == null || id == null) {
            throw new IllegalArgumentException("a cursor needs createdAt and id, got " + createdAt + ", " + id);
        }
    }

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt.toInstant());
        String plain = "v1:" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a client sent back; anything this class did not write is a 400 naming {@code cursor}. */
    static SessionCursor decode(String token) {
        if (token.isEmpty() || token.length() > MAX_LENGTH) {
            throw invalid();
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        Matcher matcher = FORMAT.matcher(plain);
        if (!matcher.matches()) {
            throw invalid();
        }
        Instant at = Instant.EPOCH.plus(Long.parseLong(matcher.group(1)), ChronoUnit.MICROS);
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw invalid();
        }
        return new SessionCursor(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), UUID.fromString(matcher.group(2)));
    }

    private static DomainException.Invalid invalid() {
        return DomainException.Invalid.of("cursor", "not a cursor this listing returned (nextCursor)");
    }
}
