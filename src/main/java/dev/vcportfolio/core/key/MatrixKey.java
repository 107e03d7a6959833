package dev.vcportfolio.core.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The identity of a matrix: SHA-256 of the canonical JSON of everything that determines its content, as 64 lowercase
 * hex digits. Its 32 bytes also seed the scenario generator.
 *
 * @param hex 64 lowercase hex digits
 * @param canonicalJson the canonical JSON that was hashed (stored as {@code matrix_key_json})
 */
public record MatrixKey(String hex, String canonicalJson) {

    /** Version of the canonical key schema; part of every key so a schema change can never collide with old keys. */
    public static final String SCHEMA_VERSION = "v1.2";

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public MatrixKey {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a matrix key is 64 lowercase hex digits: " + hex);
        }
    }

    /** Hashes the canonical JSON of a tree of maps, lists and scalars. */
    public static MatrixKey of(Object tree) {
        String json = CanonicalJson.write(tree);
        return new MatrixKey(HexFormat.of().formatHex(sha256(json.getBytes(StandardCharsets.UTF_8))), json);
    }

    /** Whether a string can be a matrix key at all (cheap check before any database lookup). */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && HEX.matcher(candidate).matches();
    }

    /** The 32 key bytes, e.g. to seed the generator. */
    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
