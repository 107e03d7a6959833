package dev.vcportfolio.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The configured API tokens, held only as SHA-256 hashes. Entries are separated by {@code ;}; each is {@code
 * sha256:<64 hex>=fundId[,fundId…]} (production: the hash of the token) or {@code token=fundId[,…]} (development: the
 * plain token, hashed here at start-up). Lookups compare every configured hash in constant time.
 */
public final class TokenTable {

    static final String HASHED = "sha256:";
    private static final Pattern HEX_64 = Pattern.compile("^[0-9a-fA-F]{64}$");

    /** One token: its hash and the funds it may use. */
    record Entry(byte[] hash, FundScope scope, boolean plain) {}

    private final List<Entry> entries;

    private TokenTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Parses the configured value; blank means no tokens. Throws {@link IllegalArgumentException} naming the entry's
     * position (never its token) when an entry is malformed.
     */
    public static TokenTable parse(String configured) {
        List<Entry> entries = new ArrayList<>();
        if (configured == null) {
            return new TokenTable(entries);
        }
        String[] parts = configured.split(";");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (!part.isEmpty()) {
                entries.add(entry(part, i + 1));
            }
        }
        return new TokenTable(entries);
    }

    /** A table of one token, held as its hash like every other (the first run's local token). */
    static TokenTable single(String token, FundScope scope) {
        return new TokenTable(List.of(new Entry(sha256(token), scope, false)));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** Whether any token is configured in plain text (fine in development, not in production). */
    public boolean hasPlainTokens() {
        return entries.stream().anyMatch(Entry::plain);
    }

    /** The funds of the presented token; empty when it matches no entry. Every entry is compared, in constant time. */
    public Optional<FundScope> lookup(String token) {
        byte[] presented = sha256(token);
        FundScope found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), presented) && found == null) {
                found = entry.scope();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static Entry entry(String part, int position) {
        int equals = part.lastIndexOf('=');
        if (equals <= 0 || equals == part.length() - 1) {
            throw malformed(position, "expected token=fundId[,fundId...] or sha256:<64 hex>=fundId[,...]");
        }
        String secret = part.substring(0, equals).strip();
        FundScope scope = new FundScope(funds(part.substring(equals + 1), position));
        if (secret.startsWith(HASHED)) {
            String hex = secret.substring(HASHED.length());
            if (!HEX_64.matcher(hex).matches()) {
                throw malformed(position, "a sha256: token hash is 64 hexadecimal digits");
            }
            return new Entry(HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT)), scope, false);
        }
        if (secret.isEmpty() || secret.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw malformed(position, "a token is printable ASCII without spaces");
        }
        return new Entry(sha256(secret), scope, true);
    }

    private static List<UUID> funds(String list, int position) {
        Set<UUID> funds = new LinkedHashSet<>();
        for (String fund : list.split(",")) {
            try {
                funds.add(UUID.fromString(fund.strip()));
            } catch (IllegalArgumentException e) {
                throw malformed(position, "fund ids are UUIDs");
            }
        }
        return List.copyOf(funds);
    }

    private static IllegalArgumentException malformed(int position, String why) {
        return new IllegalArgumentException("app.auth.tokens (APP_AUTH_TOKENS) entry " + position + ": " + why);
    }
}
