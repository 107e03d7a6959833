package dev.vcportfolio.core.codec;

import io.airlift.compress.zstd.ZstdCompressor;
import java.util.Arrays;

/**
 * Compresses a matrix's float32 values with zstd (pure Java, aircompressor), shuffled or not, whichever is smaller
 * (unshuffled on a tie, so the choice is deterministic).
 */
public final class MatrixEncoder {

    private MatrixEncoder() {}

    /** Encodes row-major {@code [bucket][scenario]} values; decoding gives back every bit. */
    public static EncodedMatrix encode(float[] values) {
        byte[] raw = Float32.toLittleEndian(values);
        byte[] plain = zstd(raw);
        byte[] shuffled = zstd(ByteShuffle.shuffle(raw));
        return shuffled.length < plain.length
                ? new EncodedMatrix(shuffled, MatrixCodec.SHUFFLE4_ZSTD, raw.length)
                : new EncodedMatrix(plain, MatrixCodec.ZSTD, raw.length);
    }

    /** Encodes with one given codec (benchmarks and tests compare the two). */
    public static EncodedMatrix encode(float[] values, MatrixCodec codec) {
        byte[] raw = Float32.toLittleEndian(values);
        byte[] bytes = switch (codec) {
            case ZSTD -> zstd(raw);
            case SHUFFLE4_ZSTD -> zstd(ByteShuffle.shuffle(raw));
        };
        return new EncodedMatrix(bytes, codec, raw.length);
    }

    private static byte[] zstd(byte[] input) {
        ZstdCompressor compressor = new ZstdCompressor();
        byte[] output = new byte[compressor.maxCompressedLength(input.length)];
        int length = compressor.compress(input, 0, input.length, output, 0, output.length);
        return Arrays.copyOf(output, length);
    }
}
