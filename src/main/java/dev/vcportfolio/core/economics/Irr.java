package dev.vcportfolio.core.economics;

/**
 * The internal rate of return of yearly flows: the rate {@code r} at which {@code sum f[y] / (1 + r)^y} is zero, flows
 * at the start of their year. Bracketed, never NaN: the net present value is a polynomial in the discount factor {@code
 * x = 1 / (1 + r)}, scanned on a fixed grid of factors from high rates to low, and the first sign change is bisected
 * to the last bit. Flows that never change sign, or whose root lies beyond the grid (a rate below -99.99 % or above
 * 1,600,000 %), have none.
 */
public final class Irr {

    /** Discount factors scanned: 2^-14 .. 2^14, doubling. */
    private static final int GRID_LOW = -14;

    private static final int GRID_HIGH = 14;

    private Irr() {}

    /**
     * @param flows yearly flows, year 0 first
     * @param length how many of them count
     * @return the rate, or NaN when there is none (callers count those, see {@link FundEconomics})
     */
    static double of(double[] flows, int length) {
        boolean negative = false;
        boolean positive = false;
        for (int y = 0; y < length; y++) {
            negative |= flows[y] < 0;
            positive |= flows[y] > 0;
        }
        if (!(negative && positive)) {
            return Double.NaN;
        }
        double lo = Math.scalb(1.0, GRID_LOW);
        double atLo = npv(flows, length, lo);
        for (int k = GRID_LOW + 1; k <= GRID_HIGH; k++) {
            double hi = Math.scalb(1.0, k);
            double atHi = npv(flows, length, hi);
            if (atLo == 0) {
                return 1 / lo - 1;
            }
            if ((atLo < 0) != (atHi < 0) || atHi == 0) {
                return 1 / bisect(flows, length, lo, hi, atLo) - 1;
            }
            lo = hi;
            atLo = atHi;
        }
        return Double.NaN;
    }

    /** The rate as an optional, for callers outside the hot loop. */
    public static java.util.OptionalDouble rate(double... flows) {
        double r = of(flows, flows.length);
        return Double.isNaN(r) ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(r);
    }

    private static double bisect(double[] flows, int length, double lo, double hi, double atLo) {
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                return mid;
            }
            double atMid = npv(flows, length, mid);
            if (atMid == 0) {
                return mid;
            }
            if ((atMid < 0) == (atLo < 0)) {
                lo = mid;
                atLo = atMid;
            } else {
                hi = mid;
            }
        }
    }

    /** Horner's rule in the discount factor. */
    private static double npv(double[] flows, int length, double x) {
        double sum = 0;
        for (int y = length - 1; y >= 0; y--) {
            sum = sum * x + flows[y];
        }
        return sum;
    }
}
