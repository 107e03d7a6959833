package dev.vcportfolio.core.codec;

import io.airlift.compress.zstd.ZstdCompressor;
import java.util.Arrays;

/**
 * Compresses a matrix's float32 values with zstd (pure Java, aircompressor): the plain bytes and the masked byte
 * planes, keeping whichever is smaller (plain on a tie, so the choice is deterministic).
 */
public final class MatrixEncoder {

    private MatrixEncoder() {}

    /** Encodes row-major {@code [bucket][scenario]} values; decoding gives back every bit. */
    public static EncodedMatrix encode(float[] values) {
        EncodedMatrix plain = encode(values, MatrixCodec.ZSTD);
        EncodedMatrix masked = encode(values, MatrixCodec.NONZERO_SHUFFLE4_ZSTD);
        return masked.bytes().length < plain.bytes().length ? masked : plain;
    }

    /** Encodes with one given codec (benchmarks and tests compare them). */
    public static EncodedMatrix encode(float[] values, MatrixCodec codec) {
        long rawBytes = (long) values.length * Float.BYTES;
        byte[] bytes = switch (codec) {
            case ZSTD -> zstd(Float32.toLittleEndian(values));
            case SHUFFLE4_ZSTD -> zstd(ByteShuffle.shuffle(Float32.toLittleEndian(values)));
            case NONZERO_SHUFFLE4_ZSTD -> zstd(NonZeroPlanes.pack(values));
        };
        return new EncodedMatrix(bytes, codec, rawBytes);
    }

    private static byte[] zstd(byte[] input) {
        ZstdCompressor compressor = new ZstdCompressor();
        byte[] output = new byte[compressor.maxCompressedLength(input.length)];
        int length = compressor.compress(input, 0, input.length, output, 0, output.length);
        return Arrays.copyOf(output, length);
    }
}
