package dev.vcportfolio.platform.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * The first run of DESIGN 17: a service on its embedded database with no tokens configured makes one random token for
 * one local fund, so a newcomer's first command gives a page that works. The token lives only in this process and its
 * start-up log line; a configured token or a server of one's own ({@code DB_URL}) turns this off.
 *
 * @param token 43 characters of base64url (32 random bytes): safe in a URL fragment and in a bearer header
 * @param fund the local fund the token holds
 */
public record FirstRunAccess(String token, UUID fund) {

    /**
     * The README's example fund: {@code examples/optimize.sh} works with the local token, and the plans of one start
     * stay visible after a restart (the embedded data survives it, the token does not).
     */
    public static final UUID LOCAL_FUND = UUID.fromString("7b0c1f9e-2a34-4c1d-9a55-3f2b1e0d4c21");

    private static final int TOKEN_BYTES = 32;

    public FirstRunAccess {
        if (token == null || token.length() < 32) {
            throw new IllegalArgumentException("a local token has at least 32 characters");
        }
        if (fund == null) {
            throw new IllegalArgumentException("a local token needs a fund");
        }
    }

    /** A fresh random token for the local fund. */
    public static FirstRunAccess create(SecureRandom random) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return new FirstRunAccess(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), LOCAL_FUND);
    }

    /** The token table that admits exactly this token, for this fund. */
    public TokenTable table() {
        return TokenTable.single(token, FundScope.of(fund));
    }

    /** The address that opens the page with the token in its fragment (a fragment never reaches a server's log). */
    public String pageAddress(int port) {
        return "http://localhost:" + port + "/#token=" + token;
    }
}
