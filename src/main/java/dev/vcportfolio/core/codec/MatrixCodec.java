package dev.vcportfolio.core.codec;

import java.util.Optional;

/**
 * How a matrix's float32 bytes are compressed, stored beside them so a future codec can coexist with these.
 *
 * <p>Random mantissas do not compress, so what helps is moving the compressible parts together: byte-shuffling
 * (byte k of every float into plane k) groups the slowly varying sign/exponent bytes, and a zero mask takes the exact
 * zeros of single-deal matrices out of the planes. Neither wins on every matrix, so the encoder tries the plain bytes
 * and the masked planes and keeps the smaller.
 */
public enum MatrixCodec {
    /** zstd over the float32 little-endian bytes as they are. */
    ZSTD("zstd-v1"),
    /** zstd over the four byte planes of the float32 little-endian bytes. */
    SHUFFLE4_ZSTD("shuffle4-zstd-v1"),
    /** zstd over a bitmap of the non-zero cells followed by the four byte planes of the non-zero floats. */
    NONZERO_SHUFFLE4_ZSTD("nonzero-shuffle4-zstd-v1");

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
