package dev.vcportfolio.core.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Packs floats as their count (int32 little-endian), a bitmap of which cells are non-zero, then the byte planes of the
 * non-zero floats only. The count makes a packing refuse to decode as a matrix of another shape.
 *
 * <p>Single-deal matrices are mostly exact zeros between random-mantissa exits: the bitmap spends about one bit on a
 * zero where plain bytes spend four, and the planes keep the exits' repetitive sign/exponent bytes together. Only
 * {@code +0.0f} (all bits clear) counts as zero, so {@code -0.0f} and every NaN payload survive bit for bit.
 */
final class NonZeroPlanes {

    private static final int HEADER = Integer.BYTES;
    private static final VarHandle MASK_WORD =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private NonZeroPlanes() {}

    static byte[] pack(float[] values) {
        int cells = values.length;
        int maskBytes = HEADER + maskBytes(cells);
        int nonZero = 0;
        for (float value : values) {
            if (Float.floatToRawIntBits(value) != 0) {
                nonZero++;
            }
        }
        byte[] packed = new byte[maskBytes + nonZero * Float.BYTES];
        for (int i = 0; i < HEADER; i++) {
            packed[i] = (byte) (cells >>> (8 * i));
        }
        int plane0 = maskBytes;
        int plane1 = plane0 + nonZero;
        int plane2 = plane1 + nonZero;
        int plane3 = plane2 + nonZero;
        int k = 0;
        for (int i = 0; i < cells; i++) {
            int bits = Float.floatToRawIntBits(values[i]);
            if (bits != 0) {
                packed[HEADER + (i >>> 3)] |= (byte) (1 << (i & 7));
                packed[plane0 + k] = (byte) bits;
                packed[plane1 + k] = (byte) (bits >>> 8);
                packed[plane2 + k] = (byte) (bits >>> 16);
                packed[plane3 + k] = (byte) (bits >>> 24);
                k++;
            }
        }
        return packed;
    }

    /** @throws IllegalArgumentException when the bytes are not a packing of exactly {@code cells} floats */
    static float[] unpack(byte[] packed, int cells) {
        int maskBytes = HEADER + maskBytes(cells);
        if (packed.length < maskBytes) {
            throw new IllegalArgumentException("packed matrix shorter than its " + maskBytes + "-byte zero mask");
        }
        int declared = (packed[0] & 0xff) | (packed[1] & 0xff) << 8 | (packed[2] & 0xff) << 16 | packed[3] << 24;
        if (declared != cells) {
            throw new IllegalArgumentException(
                    "matrix bytes hold " + declared + " cells, expected " + cells + " (" + cells * 4L + " bytes)");
        }
        int nonZero = 0;
        int words = (maskBytes - HEADER) >>> 3;
        for (int w = 0; w < words; w++) {
            nonZero += Long.bitCount((long) MASK_WORD.get(packed, HEADER + (w << 3)));
        }
        for (int i = HEADER + (words << 3); i < maskBytes; i++) {
            nonZero += Integer.bitCount(packed[i] & 0xff);
        }
        if (packed.length != maskBytes + (long) nonZero * Float.BYTES
                || ((cells & 7) != 0 && unusedMaskBits(packed, cells))) {
            throw new IllegalArgumentException("packed matrix holds " + packed.length + " bytes, its mask says "
                    + (maskBytes + (long) nonZero * Float.BYTES));
        }
        float[] values = new float[cells];
        int plane0 = maskBytes;
        int plane1 = plane0 + nonZero;
        int plane2 = plane1 + nonZero;
        int plane3 = plane2 + nonZero;
        int k = 0;
        // visit only the set bits: the array starts zeroed, and skipping zeros bit by bit would mispredict on
        // single-deal matrices where about half the cells are zero at random. The mask is read 64 cells at a time
        // (little-endian, so bit j of a word is cell base + j, as bit j & 7 of its byte j >>> 3)
        for (int w = 0; w < words; w++) {
            long mask = (long) MASK_WORD.get(packed, HEADER + (w << 3));
            int base = w << 6;
            while (mask != 0) {
                values[base + Long.numberOfTrailingZeros(mask)] =
                        planeFloat(packed, plane0, plane1, plane2, plane3, k++);
                mask &= mask - 1;
            }
        }
        for (int m = words << 3; m < maskBytes - HEADER; m++) {
            int mask = packed[HEADER + m] & 0xff;
            int base = m << 3;
            while (mask != 0) {
                values[base + Integer.numberOfTrailingZeros(mask)] =
                        planeFloat(packed, plane0, plane1, plane2, plane3, k++);
                mask &= mask - 1;
            }
        }
        return values;
    }

    private static float planeFloat(byte[] packed, int plane0, int plane1, int plane2, int plane3, int k) {
        return Float.intBitsToFloat((packed[plane0 + k] & 0xff)
                | (packed[plane1 + k] & 0xff) << 8
                | (packed[plane2 + k] & 0xff) << 16
                | (packed[plane3 + k] & 0xff) << 24);
    }

    private static int maskBytes(int cells) {
        return (cells + 7) >>> 3;
    }

    private static boolean unusedMaskBits(byte[] packed, int cells) {
        return (packed[HEADER + (cells >>> 3)] & 0xff) >>> (cells & 7) != 0;
    }
}
