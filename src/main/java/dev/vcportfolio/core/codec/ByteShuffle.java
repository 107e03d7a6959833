package dev.vcportfolio.core.codec;

/**
 * Splits float32 bytes into four planes (byte 0 of every float, then byte 1, …) and back, so the compressor sees the
 * slowly varying sign/exponent bytes side by side.
 */
final class ByteShuffle {

    private ByteShuffle() {}

    static byte[] shuffle(byte[] interleaved) {
        int count = interleaved.length / Float.BYTES;
        byte[] planes = new byte[interleaved.length];
        for (int i = 0, in = 0; i < count; i++, in += Float.BYTES) {
            planes[i] = interleaved[in];
            planes[count + i] = interleaved[in + 1];
            planes[2 * count + i] = interleaved[in + 2];
            planes[3 * count + i] = interleaved[in + 3];
        }
        return planes;
    }

    static byte[] unshuffle(byte[] planes) {
        int count = planes.length / Float.BYTES;
        byte[] interleaved = new byte[planes.length];
        for (int i = 0, out = 0; i < count; i++, out += Float.BYTES) {
            interleaved[out] = planes[i];
            interleaved[out + 1] = planes[count + i];
            interleaved[out + 2] = planes[2 * count + i];
            interleaved[out + 3] = planes[3 * count + i];
        }
        return interleaved;
    }
}
