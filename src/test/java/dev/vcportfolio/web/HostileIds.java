package dev.vcportfolio.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Seeded path parameters that name nothing the caller may see, already encoded for a path segment: not UUIDs, SQL
 * and script text, encoded slashes and dots, NUL, UUID look-alikes, very long ids, and unknown UUIDs and keys.
 */
final class HostileIds {

    private static final List<String> RAW = List.of(
            "not-a-uuid",
            "' OR '1'='1",
            "1; DROP TABLE optimization_sessions; --",
            "<script>alert(1)</script>",
            "${jndi:ldap://x/a}",
            "00000000-0000-0000-0000-000000000000",
            "{00000000-0000-4000-8000-000000000001}",
            "00000000-0000-4000-8000-00000000000１",
            "00000000-0000-4000-8000-0000000000010",
            "0-0-0-0-0",
            "null",
            "NaN",
            "-1",
            "0",
            "é\u202Eevil",
            "industry-benchmark-v1'--");
    private static final List<String> ENCODED = List.of(
            "%2F", "..%2F..%2Fq%2Fhealth", "%252F", "%00", "%2e%2e", "a%2Fb%2Fc", "%ZZ", "%", "%C3%28", "%FF%FE");

    private HostileIds() {}

    /** One id, encoded for the path. */
    static String next(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> encode(RAW.get(random.nextInt(RAW.size())));
            case 2 -> ENCODED.get(random.nextInt(ENCODED.size()));
            case 3 -> "a".repeat(List.of(37, 65, 1_000, 3_000).get(random.nextInt(4)));
            case 4 -> new UUID(random.nextLong(), random.nextLong()).toString();
            default ->
                random.nextBoolean()
                        ? "%20" + new UUID(random.nextLong(), random.nextLong())
                        : Long.toHexString(random.nextLong()).repeat(8);
        };
    }

    static String encode(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
