package dev.vcportfolio.core.codec;

import java.util.Optional;

/**
 * How a matrix's float32 bytes are compressed, stored beside them so a future codec can coexist with these.
 *
 * <p>Random mantissas do not compress, so byte-shuffling (grouping byte k of every float into plane k) helps
 * deal-averaged matrices, whose exponent bytes repeat, and hurts single-deal ones, whose many exact zeros form runs
 * unshuffled. The encoder tries both and keeps the smaller.
 */
public enum MatrixCodec {
    /** zstd over the float32 little-endian bytes as they are. */
    ZSTD("zstd-v1"),
    /** zstd over the four byte planes of the float32 little-endian bytes. */
    SHUFFLE4_ZSTD("shuffle4-zstd-v1");

    /** The only layout so far: float32 little-endian, row-major {@code [bucket][scenario]}. */
    public static final String LAYOUT = "float32-le-bucket-major";

    private final String id;

    MatrixCodec(String id) {
        this.id = id;
    }

    /** The name stored in {@code compression_codec}. */
    public String id() {
        return id;
    }

    public static Optional<MatrixCodec> fromId(String id) {
        for (MatrixCodec codec : values()) {
            if (codec.id.equals(id)) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }
}
