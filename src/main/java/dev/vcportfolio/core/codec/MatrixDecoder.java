package dev.vcportfolio.core.codec;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.util.Arrays;

/** Decodes stored matrix bytes back to the exact float32 values that were encoded. */
public final class MatrixDecoder {

    private MatrixDecoder() {}

    /**
     * @param cells how many floats the bytes must decode to (bucket count x scenario count)
     * @throws IllegalArgumentException when the bytes are corrupt or do not hold exactly {@code cells} floats
     */
    public static float[] decode(byte[] compressed, MatrixCodec codec, int cells) {
        return switch (codec) {
            case ZSTD -> Float32.fromLittleEndian(unzstd(compressed, Math.multiplyExact(cells, Float.BYTES)));
            case SHUFFLE4_ZSTD ->
                Float32.fromLittleEndian(
                        ByteShuffle.unshuffle(unzstd(compressed, Math.multiplyExact(cells, Float.BYTES))));
            case NONZERO_SHUFFLE4_ZSTD ->
                NonZeroPlanes.unpack(unzstdAtMost(compressed, 4 + ((cells + 7L) >>> 3) + 4L * cells), cells);
        };
    }

    /** The raw float32 little-endian bytes, for clients that take the binary form. */
    public static byte[] decodeBytes(byte[] compressed, MatrixCodec codec, int cells) {
        return switch (codec) {
            case ZSTD -> unzstd(compressed, Math.multiplyExact(cells, Float.BYTES));
            case SHUFFLE4_ZSTD -> ByteShuffle.unshuffle(unzstd(compressed, Math.multiplyExact(cells, Float.BYTES)));
            case NONZERO_SHUFFLE4_ZSTD -> Float32.toLittleEndian(decode(compressed, codec, cells));
        };
    }

    private static byte[] unzstd(byte[] compressed, int expectedLength) {
        byte[] raw = unzstdAtMost(compressed, expectedLength);
        if (raw.length != expectedLength) {
            throw new IllegalArgumentException(
                    "matrix bytes decode to " + raw.length + " bytes, expected " + expectedLength);
        }
        return raw;
    }

    /** Our encoder always records the content size in the frame; a frame without one is not ours. */
    private static byte[] unzstdAtMost(byte[] compressed, long maxLength) {
        try {
            long declared = ZstdDecompressor.getDecompressedSize(compressed, 0, compressed.length);
            if (declared < 0 || declared > maxLength) {
                throw new IllegalArgumentException(
                        "matrix bytes declare " + declared + " bytes, expected at most " + maxLength);
            }
            byte[] raw = new byte[(int) declared];
            int length = new ZstdDecompressor().decompress(compressed, 0, compressed.length, raw, 0, raw.length);
            return length == raw.length ? raw : Arrays.copyOf(raw, length);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException("corrupt matrix bytes: " + e.getMessage(), e);
        }
    }
}
