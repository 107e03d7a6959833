package dev.vcportfolio.core.codec;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.zstd.ZstdDecompressor;

/** Decodes stored matrix bytes back to the exact float32 values that were encoded. */
public final class MatrixDecoder {

    private MatrixDecoder() {}

    /**
     * @param cells how many floats the bytes must decode to (bucket count x scenario count)
     * @throws IllegalArgumentException when the bytes are corrupt or do not hold exactly {@code cells} floats
     */
    public static float[] decode(byte[] compressed, MatrixCodec codec, int cells) {
        return Float32.fromLittleEndian(decodeBytes(compressed, codec, cells));
    }

    /** The raw float32 little-endian bytes, for clients that take the binary form. */
    public static byte[] decodeBytes(byte[] compressed, MatrixCodec codec, int cells) {
        byte[] raw = unzstd(compressed, Math.multiplyExact(cells, Float.BYTES));
        return switch (codec) {
            case ZSTD -> raw;
            case SHUFFLE4_ZSTD -> ByteShuffle.unshuffle(raw);
        };
    }

    private static byte[] unzstd(byte[] compressed, int expectedLength) {
        byte[] raw = new byte[expectedLength];
        int length;
        try {
            long declared = ZstdDecompressor.getDecompressedSize(compressed, 0, compressed.length);
            if (declared >= 0 && declared != expectedLength) {
                throw new IllegalArgumentException(
                        "matrix bytes decode to " + declared + " bytes, expected " + expectedLength);
            }
            length = new ZstdDecompressor().decompress(compressed, 0, compressed.length, raw, 0, raw.length);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException("corrupt matrix bytes: " + e.getMessage(), e);
        }
        if (length != expectedLength) {
            throw new IllegalArgumentException(
                    "matrix bytes decode to " + length + " bytes, expected " + expectedLength);
        }
        return raw;
    }
}
