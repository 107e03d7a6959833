package dev.vcportfolio.core.economics;

import dev.vcportfolio.core.scenario.FundTimeline;
import java.util.Arrays;

/**
 * Management fees by year: {@code managementFeeRate} of commitments a year over the investment period, then {@code
 * postPeriodFeeRate} a year to the end of the term, nothing in the extensions. A year the investment period ends in
 * pays each rate for its part of the year.
 */
public final class FeeSchedule {

    private final double[] byYear;
    private final double total;

    private FeeSchedule(double[] byYear) {
        this.byYear = byYear;
        double sum = 0;
        for (double fee : byYear) {
            sum += fee;
        }
        this.total = sum;
    }

    /** Fees for years 0..H (H = term + extensions) of a fund of {@code commitments}. */
    public static FeeSchedule of(FundTerms terms, FundTimeline timeline, double commitments) {
        double[] fees = new double[timeline.horizonYears() + 1];
        double period = timeline.investmentPeriodYears();
        for (int y = 0; y < fees.length; y++) {
            double investing = overlap(y, 0, period);
            double after = overlap(y, period, timeline.termYears());
            fees[y] = commitments * (terms.managementFeeRate() * investing + terms.postPeriodFeeRate() * after);
        }
        return new FeeSchedule(fees);
    }

    /** What the weights split: commitments less every fee. */
    public static double investableCapital(FundTerms terms, FundTimeline timeline, double commitments) {
        return commitments - of(terms, timeline, commitments).total();
    }

    /** The part of year {@code [y, y + 1)} inside {@code [from, to)}. */
    private static double overlap(int y, double from, double to) {
        return Math.max(0, Math.min(y + 1, to) - Math.max(y, from));
    }

    public double fee(int year) {
        return byYear[year];
    }

    public int years() {
        return byYear.length;
    }

    public double total() {
        return total;
    }

    double[] copy() {
        return Arrays.copyOf(byYear, byYear.length);
    }
}
