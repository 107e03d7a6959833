package dev.vcportfolio.support;

import java.util.List;
import java.util.UUID;

/**
 * The API tokens of the test configuration (src/test/resources/application.properties) and of the packaged service the
 * integration tests launch ({@link ServiceProcess} passes {@link #ENVIRONMENT} as APP_AUTH_TOKENS). {@link #TOKEN} is
 * configured in plain text, {@link #OTHER_TOKEN} as its SHA-256 hash, so both forms are exercised.
 */
public final class TestTokens {

    /** Every fund the existing tests use; the first is the default owner of what they create without a fund id. */
    public static final List<UUID> FUNDS = List.of(
            UUID.fromString("00000000-0000-4000-8000-000000000001"),
            UUID.fromString("00000000-0000-4000-8000-000000000002"),
            UUID.fromString("00000000-0000-0000-0000-00000000e181"),
            UUID.fromString("00000000-0000-4000-8000-0000000000aa"));

    /** Holds {@link #FUNDS}; every test request carries it unless the test says otherwise. */
    public static final String TOKEN = "test-token";

    /** A fund none of the existing tests use, held by {@link #OTHER_TOKEN} alone. */
    public static final UUID OTHER_FUND = UUID.fromString("00000000-0000-4000-8000-0000000000b2");

    public static final String OTHER_TOKEN = "other-fund-token";

    /** SHA-256 of {@link #OTHER_TOKEN}, hex. */
    public static final String OTHER_TOKEN_SHA256 = "854ed35023372350cc2244b2e920304e2946c67340ce53414c3e456e54b9660e";

    public static final String ENVIRONMENT =
            TOKEN + "=" + String.join(",", FUNDS.stream().map(UUID::toString).toList()) + ";sha256:"
                    + OTHER_TOKEN_SHA256 + "=" + OTHER_FUND;

    public static final String AUTHORIZATION = "Authorization";

    /** As a RestAssured request's Authorization value: send the request without the header (ApiTokenExtension). */
    public static final String NO_TOKEN = "test:no-authorization-header";

    /**
     * Fresh funds of {@link #TOKEN} in the benchmarks' services ({@link #ENVIRONMENT} plus these), so each benchmark
     * request can use a fund, and so a matrix key, never seen before; drawn in turn by {@link #freshFund()} and reused
     * after {@value #FRESH_FUNDS}.
     */
    public static final int FRESH_FUNDS = 1_000;

    private static final List<UUID> FRESH = java.util.stream.Stream.generate(UUID::randomUUID)
            .limit(FRESH_FUNDS)
            .toList();
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_FRESH =
            new java.util.concurrent.atomic.AtomicInteger();

    /** APP_AUTH_TOKENS for a benchmark's service: {@link #ENVIRONMENT} with the fresh funds added to the test token. */
    public static String benchmarkEnvironment() {
        return TOKEN + "="
                + String.join(
                        ",",
                        java.util.stream.Stream.concat(FUNDS.stream(), FRESH.stream())
                                .map(UUID::toString)
                                .toList())
                + ";sha256:" + OTHER_TOKEN_SHA256 + "=" + OTHER_FUND;
    }

    public static UUID freshFund() {
        return FRESH.get(Math.floorMod(NEXT_FRESH.getAndIncrement(), FRESH_FUNDS));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private TestTokens() {}
}
