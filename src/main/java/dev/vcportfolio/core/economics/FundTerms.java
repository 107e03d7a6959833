package dev.vcportfolio.core.economics;

/**
 * What the GP charges (DESIGN 14): management fees on commitments, carried interest over a compounding hurdle with a
 * catch-up, in a European (whole-fund) waterfall.
 *
 * @param managementFeeRate of commitments a year during the investment period, in [0, 1)
 * @param postPeriodFeeRate of commitments a year after the investment period, to the end of the term, in [0, 1)
 * @param carryRate the GP's share of profits, in [0, 1)
 * @param hurdleRate the LPs' preferred return, compounding yearly on paid-in capital, in [0, 1)
 * @param catchUp the GP's share of distributions in the catch-up zone, in [0, 1]; a share at or below {@code
 *     carryRate} can never catch up, so it acts as no catch-up
 */
public record FundTerms(
        double managementFeeRate, double postPeriodFeeRate, double carryRate, double hurdleRate, double catchUp) {

    /** The usual "2 and 20": 2 % fees in the investment period, 1.5 % after, 20 % carry over an 8 % hurdle. */
    public static final FundTerms DEFAULT = new FundTerms(0.02, 0.015, 0.20, 0.08, 1.0);

    /** No fees and no carry: net equals gross. */
    public static final FundTerms NONE = new FundTerms(0, 0, 0, 0, 0);

    public FundTerms {
        unit("managementFeeRate", managementFeeRate, false);
        unit("postPeriodFeeRate", postPeriodFeeRate, false);
        unit("carryRate", carryRate, false);
        unit("hurdleRate", hurdleRate, false);
        unit("catchUp", catchUp, true);
    }

    private static void unit(String name, double value, boolean closed) {
        if (!(value >= 0 && (closed ? value <= 1 : value < 1))) {
            throw new IllegalArgumentException(name + " must lie in [0, 1" + (closed ? "]" : ")") + ": " + value);
        }
    }

    /** Whether the catch-up zone exists: a GP taking no more than its carry share there could never catch up. */
    boolean catchesUp() {
        return catchUp > carryRate;
    }
}
