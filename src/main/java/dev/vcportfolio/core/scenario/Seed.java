package dev.vcportfolio.core.scenario;

import java.util.HexFormat;

/**
 * The 256-bit seed of a generation, normally the matrix key's SHA-256, as four words (big-endian order of the bytes).
 * It derives an independent random stream for every (scenario, bucket), so no cell depends on which thread or chunk
 * computes it.
 */
public record Seed(long word0, long word1, long word2, long word3) {

    /** From 32 bytes, e.g. {@code MatrixKey.bytes()}. */
    public static Seed of(byte[] bytes) {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException(
                    "a seed is 32 bytes: " + (bytes == null ? "null" : bytes.length + " bytes"));
        }
        return new Seed(word(bytes, 0), word(bytes, 8), word(bytes, 16), word(bytes, 24));
    }

    /** From 64 hex digits, e.g. a matrix key. */
    public static Seed ofHex(String hex) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a seed is 64 hex digits: " + hex);
        }
        return of(HexFormat.of().parseHex(hex));
    }

    /**
     * Starting state of the stream for one (scenario, bucket); bucket {@code -1} names the scenario's own stream (its
     * regime). Each input passes through a SplitMix64 finalizer so neighbouring indices land far apart.
     */
    long streamState(int scenario, int bucket) {
        long h = SplitMix64.mix(word0 ^ SplitMix64.mix(word1 + scenario));
        h = SplitMix64.mix(h ^ word2 ^ SplitMix64.mix(word3 + ((long) bucket << 32)));
        return h;
    }

    /**
     * The base state of one (scenario, row) cell's deal streams in the round-by-round model. Rows use stream numbers
     * above every bucket's, so no deal stream meets a bucket's systematic stream.
     */
    long cellState(int scenario, int row) {
        return streamState(scenario, ROW_STREAMS + row);
    }

    /** Starting state of deal {@code d}'s stream in a cell: {@code mix(cellState ^ dealSalt(d))}. */
    static long dealState(long cellState, long dealSalt) {
        return SplitMix64.mix(cellState ^ dealSalt);
    }

    /** The per-deal salt of {@link #dealState}, the same for every cell (so it is computed once per generation). */
    static long dealSalt(int deal) {
        return SplitMix64.mix(0x6a09e667f3bcc909L + deal);
    }

    private static final int ROW_STREAMS = 1 << 20;

    private static long word(byte[] bytes, int from) {
        long w = 0;
        for (int i = from; i < from + 8; i++) {
            w = (w << 8) | (bytes[i] & 0xff);
        }
        return w;
    }
}
