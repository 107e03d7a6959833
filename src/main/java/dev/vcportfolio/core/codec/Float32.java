package dev.vcportfolio.core.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** float32 little-endian conversions that keep every bit (NaN payloads, signed zeros, subnormals). */
public final class Float32 {

    private Float32() {}

    public static byte[] toLittleEndian(float[] values) {
        byte[] bytes = new byte[Math.multiplyExact(values.length, Float.BYTES)];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
        return bytes;
    }

    /** Reads {@code bytes.length / 4} floats; the length must be a multiple of 4. */
    public static float[] fromLittleEndian(byte[] bytes) {
        return fromLittleEndian(ByteBuffer.wrap(bytes));
    }

    /** Reads the buffer's remaining bytes as floats; their count must be a multiple of 4. */
    public static float[] fromLittleEndian(ByteBuffer bytes) {
        if (bytes.remaining() % Float.BYTES != 0) {
            throw new IllegalArgumentException("float32 data must be a multiple of 4 bytes: " + bytes.remaining());
        }
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
