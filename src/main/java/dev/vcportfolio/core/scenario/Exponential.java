package dev.vcportfolio.core.scenario;

/**
 * {@code exp(y)} for the generator's lognormal draws: a table of {@code exp(n / 64)} built with {@link StrictMath},
 * times a degree-5 Taylor polynomial of the remainder ({@code |r| <= 1/128}, truncation below 3e-16). Within 8 ulps
 * of StrictMath (ExponentialTest), about a tenth of its cost, which took two thirds of a round-by-round generation; and
 * only plain double arithmetic, which Java defines to the bit, so every JVM and the native image agree. Outside
 * {@code (-40, 40)} it is StrictMath's.
 */
final class Exponential {

    private static final int PER_UNIT = 64;
    private static final int LIMIT = 40;
    private static final int OFFSET = LIMIT * PER_UNIT;
    private static final double[] TABLE = new double[2 * OFFSET + 1];

    static {
        for (int i = 0; i < TABLE.length; i++) {
            TABLE[i] = StrictMath.exp((double) (i - OFFSET) / PER_UNIT);
        }
    }

    private Exponential() {}

    static double exp(double y) {
        if (!(y > -LIMIT && y < LIMIT)) {
            return StrictMath.exp(y);
        }
        long n = nearest(y * PER_UNIT);
        double r = y - (double) n / PER_UNIT;
        double polynomial = 1 + r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120)))));
        return TABLE[(int) n + OFFSET] * polynomial;
    }

    /**
     * {@link Math#round(double)} (nearest, ties up) for {@code |x| < 2^52}, at a fraction of its cost in compiled code.
     * Exact: {@code x - floor(x)} is exact wherever it is near 0.5 and rounding is monotonic, so the comparison with 0.5
     * decides as on the exact fraction (ExponentialRoundingTest).
     */
    static long nearest(double x) {
        double floor = Math.floor(x);
        return (long) floor + (x - floor >= 0.5 ? 1 : 0);
    }
}
