package dev.vcportfolio.platform.security;

import dev.vcportfolio.core.error.DomainException;
import java.util.List;
import java.util.UUID;

/**
 * The funds an API token may use (DESIGN 10, Access). Whatever belongs to another fund does not exist for this caller:
 * services answer 404, never 403, so ids leak nothing.
 *
 * @param funds the token's funds, at least one, in configuration order; the first is the default owner of what a
 *     request creates without naming a fund
 */
public record FundScope(List<UUID> funds) {

    public FundScope {
        funds = List.copyOf(funds);
        if (funds.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one fund id");
        }
    }

    public static FundScope of(UUID... funds) {
        return new FundScope(List.of(funds));
    }

    /** Whether something owned by {@code owner} is visible; ownerless rows are not (shared ones are checked apart). */
    public boolean sees(UUID owner) {
        return owner != null && funds.contains(owner);
    }

    /**
     * The fund a new row belongs to: the requested one when the token holds it, the token's first fund when none is
     * named. A fund the token does not hold is a 404 naming only the id the caller sent.
     */
    public UUID owner(UUID requested) {
        if (requested == null) {
            return funds.getFirst();
        }
        if (!funds.contains(requested)) {
            throw new DomainException.NotFound("no fund " + requested);
        }
        return requested;
    }
}
