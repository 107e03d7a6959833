package dev.vcportfolio.core.scenario;

/**
 * A fund's life in years (DESIGN 13): deals are paced over the investment period, and the horizon is the term plus
 * its extensions; a company still private then is held at its last post-money (NAV).
 *
 * @param investmentPeriodYears years over which new deals enter, finite, in (0, termYears]
 * @param termYears the fund's term, in [1, {@value #MAX_YEARS}]
 * @param extensionYears extensions after the term, in [0, {@value #MAX_YEARS}]; term + extensions at most {@value
 *     #MAX_YEARS}
 */
public record FundTimeline(double investmentPeriodYears, int termYears, int extensionYears) {

    public static final int MAX_YEARS = 30;

    /** The usual 10-year fund: 4 years of investing, two one-year extensions. */
    public static final FundTimeline DEFAULT = new FundTimeline(4, 10, 2);

    public FundTimeline {
        if (termYears < 1 || termYears > MAX_YEARS) {
            throw new IllegalArgumentException("termYears must lie in [1, " + MAX_YEARS + "]: " + termYears);
        }
        if (extensionYears < 0 || termYears + extensionYears > MAX_YEARS) {
            throw new IllegalArgumentException("extensionYears must be >= 0 with termYears + extensionYears <= "
                    + MAX_YEARS + ": " + extensionYears);
        }
        if (!(investmentPeriodYears > 0 && investmentPeriodYears <= termYears)) {
            throw new IllegalArgumentException(
                    "investmentPeriodYears must lie in (0, termYears " + termYears + "]: " + investmentPeriodYears);
        }
    }

    /** H: the last year in which flows land. */
    public int horizonYears() {
        return termYears + extensionYears;
    }

    /** Values per cash-flow cell: years 0..H, then the NAV at the horizon. */
    public int yearCount() {
        return horizonYears() + 2;
    }

    /** When deal {@code i} of {@code n} enters: {@code investmentPeriodYears * (i + 0.5) / n}. */
    public double entryYear(int i, int n) {
        return investmentPeriodYears * (i + 0.5) / n;
    }
}
