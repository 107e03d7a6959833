package dev.vcportfolio.core.scenario;

/**
 * {@code ln(x)} for the round-by-round generator's Pareto exits: {@code x = 2^e * m} with m in [1, 2), a table of
 * {@code ln(c)} at the 128 points {@code c = 1 + j / 128} built with {@link StrictMath}, and a degree-8 series of
 * {@code ln(1 + r)} for {@code r = (m - c) / c}, {@code |r| < 1/128}. Within 1e-15 of StrictMath absolutely, and
 * relatively where the result exceeds 1 (LogarithmTest), at a fraction of its cost; plain double arithmetic and bit
 * operations, which Java defines to the bit, so every JVM and the native image agree. Zero, negative, subnormal and
 * non-finite arguments are StrictMath's.
 */
final class Logarithm {

    private static final int BITS = 7;
    private static final int POINTS = 1 << BITS;
    private static final double LN2 = StrictMath.log(2);
    private static final double[] LOG_C = new double[POINTS];
    private static final double[] C = new double[POINTS];
    private static final double[] INVERSE_C = new double[POINTS];

    static {
        for (int j = 0; j < POINTS; j++) {
            C[j] = 1 + (double) j / POINTS;
            LOG_C[j] = StrictMath.log(C[j]);
            INVERSE_C[j] = 1 / C[j];
        }
    }

    private Logarithm() {}

    static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) (bits >>> 52);
        // sign bit set (negative), exponent 0 (zero, subnormal) or 0x7ff (infinity, NaN)
        if (biased <= 0 || biased >= 0x7ff) {
            return StrictMath.log(x);
        }
        int exponent = biased - 1023;
        double m = Double.longBitsToDouble((bits & 0x000f_ffff_ffff_ffffL) | 0x3ff0_0000_0000_0000L);
        int j = (int) ((bits >>> (52 - BITS)) & (POINTS - 1));
        double r = (m - C[j]) * INVERSE_C[j];
        double series = r
                * (1
                        + r
                                * (-1.0 / 2
                                        + r
                                                * (1.0 / 3
                                                        + r
                                                                * (-1.0 / 4
                                                                        + r
                                                                                * (1.0 / 5
                                                                                        + r
                                                                                                * (-1.0 / 6
                                                                                                        + r
                                                                                                                * (1.0
                                                                                                                                / 7
                                                                                                                        + r
                                                                                                                                * (-1.0
                                                                                                                                        / 8))))))));
        return exponent * LN2 + LOG_C[j] + series;
    }
}
