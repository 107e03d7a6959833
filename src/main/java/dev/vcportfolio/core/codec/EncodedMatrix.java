package dev.vcportfolio.core.codec;

/**
 * A compressed matrix as stored: the bytes, the codec that made them and the raw size they decode to.
 *
 * @param bytes compressed bytes (owned by this record; not copied)
 * @param codec how to decode them
 * @param rawBytes size of the float32 data, {@code 4 * cells}
 */
public record EncodedMatrix(byte[] bytes, MatrixCodec codec, long rawBytes) {

    public EncodedMatrix {
        if (bytes == null || codec == null) {
            throw new IllegalArgumentException("bytes and codec are required");
        }
        if (rawBytes < 0 || rawBytes % Float.BYTES != 0) {
            throw new IllegalArgumentException("rawBytes must be a non-negative multiple of 4: " + rawBytes);
        }
    }

    public String layout() {
        return MatrixCodec.LAYOUT;
    }

    public int cells() {
        return Math.toIntExact(rawBytes / Float.BYTES);
    }
}
