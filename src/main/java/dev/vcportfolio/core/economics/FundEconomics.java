package dev.vcportfolio.core.economics;

import dev.vcportfolio.core.model.CashflowMatrix;
import dev.vcportfolio.core.scenario.FundTimeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An allocation's fund economics (DESIGN 14): per scenario, the yearly capital calls (investments and fees, never above
 * commitments), gross proceeds, the waterfall's carry and LP distributions; then the LP's metrics across scenarios.
 *
 * <p>The weights split investable capital (commitments minus total fees), so a row's dollars are its weight times
 * that, and its flows are its cash-flow cells times its dollars. A cell is already net within its row and year (a
 * follow-on and an exit of the same year offset), so a row-year that is negative is an investment called from the
 * LPs and one that is positive is a distribution. Deterministic: one pass in scenario order.
 */
public final class FundEconomics {

    private FundEconomics() {}

    /**
     * @param flows per allocated dollar, {@code yearCount} = the timeline's
     * @param weights one per row, non-negative, summing to at most 1
     * @param commitments the fund's size, &gt; 0
     */
    public static FundMetrics of(
            CashflowMatrix flows, double[] weights, double commitments, FundTerms terms, FundTimeline timeline) {
        if (flows.yearCount() != timeline.yearCount()) {
            throw new IllegalArgumentException("the cash flows have " + flows.yearCount()
                    + " values per cell, the timeline " + timeline.yearCount());
        }
        if (weights.length != flows.rowCount()) {
            throw new IllegalArgumentException(weights.length + " weights for " + flows.rowCount() + " rows");
        }
        if (!(commitments > 0)) {
            throw new IllegalArgumentException("commitments must be > 0: " + commitments);
        }
        FeeSchedule fees = FeeSchedule.of(terms, timeline, commitments);
        double investable = commitments - fees.total();
        double[] dollars = new double[weights.length];
        for (int r = 0; r < weights.length; r++) {
            dollars[r] = weights[r] * investable;
        }
        return new Run(flows, dollars, commitments, investable, terms, fees).metrics(fees.total());
    }

    /** The per-scenario pass and its accumulators. */
    private static final class Run {
        private final CashflowMatrix flows;
        private final double[] dollars;
        private final double commitments;
        private final double investable;
        private final FeeSchedule fees;
        private final int years; // H + 1: years 0..H
        private final int scenarios;
        private final Waterfall waterfall;
        private final double[] calls;
        private final double[] proceeds;
        private final double[] lpFlows;
        private final double[] gross;
        private final double[] tvpi;
        private final double[] irr;
        private final double[][] dpi;
        private final double[][] jCurve;
        private double carry;
        private int irrCount;

        Run(
                CashflowMatrix flows,
                double[] dollars,
                double commitments,
                double investable,
                FundTerms terms,
                FeeSchedule fees) {
            this.flows = flows;
            this.dollars = dollars;
            this.commitments = commitments;
            this.investable = investable;
            this.fees = fees;
            this.years = flows.yearCount() - 1;
            this.scenarios = flows.scenarioCount();
            this.waterfall = new Waterfall(terms, years);
            this.calls = new double[years];
            this.proceeds = new double[years];
            this.lpFlows = new double[years];
            this.gross = new double[scenarios];
            this.tvpi = new double[scenarios];
            this.irr = new double[scenarios];
            this.dpi = new double[years][scenarios];
            this.jCurve = new double[years][scenarios];
        }

        FundMetrics metrics(double totalFees) {
            for (int s = 0; s < scenarios; s++) {
                scenario(s);
            }
            double[] sortedTvpi = sorted(tvpi, scenarios);
            List<YearBand> dpiBands = new ArrayList<>(years);
            List<YearBand> jBands = new ArrayList<>(years);
            for (int y = 0; y < years; y++) {
                dpiBands.add(band(y, dpi[y]));
                jBands.add(band(y, jCurve[y]));
            }
            return new FundMetrics(
                    spread(gross),
                    spread(tvpi),
                    irrSpread(),
                    atLeast(sortedTvpi, 1),
                    atLeast(sortedTvpi, 2),
                    atLeast(sortedTvpi, 3),
                    dpiBands,
                    jBands,
                    carry / scenarios,
                    investable,
                    totalFees);
        }

        private void scenario(int s) {
            float[] values = flows.values();
            int yearCount = flows.yearCount();
            Arrays.fill(proceeds, 0);
            double invested = 0;
            double nav = 0;
            for (int y = 0; y < years; y++) {
                calls[y] = 0;
            }
            for (int r = 0; r < dollars.length; r++) {
                double d = dollars[r];
                if (d == 0) {
                    continue;
                }
                int at = (r * scenarios + s) * yearCount;
                for (int y = 0; y < years; y++) {
                    double v = d * values[at + y];
                    if (v < 0) {
                        calls[y] -= v;
                    } else {
                        proceeds[y] += v;
                    }
                }
                nav += d * values[at + years];
            }
            double paidIn = 0;
            double distributed = 0;
            for (int y = 0; y < years; y++) {
                // float cells can sum a hair above the dollars allocated; investments stop at investable capital,
                // so calls with fees stop at commitments
                double investment = Math.min(calls[y], investable - invested);
                invested += investment;
                calls[y] = investment + fees.fee(y);
                paidIn += calls[y];
                distributed += proceeds[y];
            }
            gross[s] = invested > 0 ? (distributed + nav) / invested : 1;
            waterfall.run(calls, proceeds, nav);
            carry += waterfall.gpCarry;
            double lpCumulative = 0;
            double paidToDate = 0;
            for (int y = 0; y < years; y++) {
                double lp = waterfall.lpDistributions[y];
                lpCumulative += lp;
                paidToDate += calls[y];
                dpi[y][s] = paidToDate > 0 ? lpCumulative / paidToDate : 0;
                jCurve[y][s] = (lpCumulative - paidToDate) / commitments;
                lpFlows[y] = lp - calls[y];
            }
            lpFlows[years - 1] += waterfall.lpTerminal;
            tvpi[s] = paidIn > 0 ? (lpCumulative + waterfall.lpTerminal) / paidIn : 1;
            double rate = Irr.of(lpFlows, years);
            if (!Double.isNaN(rate)) {
                irr[irrCount++] = rate;
            }
        }

        private IrrSpread irrSpread() {
            double undefined = (double) (scenarios - irrCount) / scenarios;
            if (irrCount == 0) {
                return new IrrSpread(
                        java.util.OptionalDouble.empty(),
                        java.util.OptionalDouble.empty(),
                        java.util.OptionalDouble.empty(),
                        undefined);
            }
            double[] sorted = sorted(irr, irrCount);
            return new IrrSpread(
                    java.util.OptionalDouble.of(Percentiles.of(sorted, irrCount, 0.1)),
                    java.util.OptionalDouble.of(Percentiles.of(sorted, irrCount, 0.5)),
                    java.util.OptionalDouble.of(Percentiles.of(sorted, irrCount, 0.9)),
                    undefined);
        }

        private Spread spread(double[] values) {
            double sum = 0;
            for (int s = 0; s < scenarios; s++) {
                sum += values[s];
            }
            double[] sorted = sorted(values, scenarios);
            return new Spread(
                    sum / scenarios,
                    Percentiles.of(sorted, scenarios, 0.1),
                    Percentiles.of(sorted, scenarios, 0.5),
                    Percentiles.of(sorted, scenarios, 0.9));
        }

        private YearBand band(int year, double[] values) {
            double[] sorted = sorted(values, scenarios);
            return new YearBand(
                    year,
                    Percentiles.of(sorted, scenarios, 0.1),
                    Percentiles.of(sorted, scenarios, 0.5),
                    Percentiles.of(sorted, scenarios, 0.9));
        }

        /** Share of scenarios at or above {@code multiple}, by binary search in the sorted sample. */
        private double atLeast(double[] sorted, double multiple) {
            int lo = 0;
            int hi = scenarios;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < multiple) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return (double) (scenarios - lo) / scenarios;
        }

        private static double[] sorted(double[] values, int n) {
            double[] copy = Arrays.copyOf(values, n);
            Arrays.sort(copy);
            return copy;
        }
    }
}
