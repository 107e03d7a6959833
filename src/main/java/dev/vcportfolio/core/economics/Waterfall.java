package dev.vcportfolio.core.economics;

/**
 * The European (whole-fund) waterfall of one scenario, year by year on cumulative amounts (DESIGN 14). Each year's
 * proceeds go, in order: to the LPs until they hold back their paid-in capital plus the preferred return (a balance
 * of what they paid in less what they received, compounding yearly at the hurdle rate while positive); then, when the terms have a
 * catch-up, {@code catchUp} of each dollar to the GP until the GP holds {@code carryRate} of the fund's cumulative
 * profit; then {@code carryRate} to the GP and the rest to the LPs.
 *
 * <p>At the horizon the NAV of what is still private is split as if it were distributed then, and the GP gives back
 * (clawback) what it holds beyond its due on the whole fund: never more than {@code carryRate} of total profit, and
 * nothing while the LPs are short of capital plus preferred return (fees called after carry was paid can cause
 * either). The LPs' NAV share and any clawback make their terminal value, counted in TVPI and IRR, never in DPI.
 *
 * <p>One instance per thread; {@link #run} reuses its arrays.
 */
final class Waterfall {

    private final FundTerms terms;

    private final double[] pair = new double[2];

    /** LP distributions by year, from the last {@link #run}. */
    final double[] lpDistributions;

    /** From the last {@link #run}: the LPs' share of the horizon NAV plus any clawback. */
    double lpTerminal;

    /** From the last {@link #run}: carry the GP keeps, on proceeds and NAV, after clawback. */
    double gpCarry;

    Waterfall(FundTerms terms, int years) {
        this.terms = terms;
        this.lpDistributions = new double[years];
    }

    /**
     * @param calls capital called per year (investments and fees), years 0..H
     * @param proceeds gross proceeds per year
     * @param nav value still private at the horizon
     */
    void run(double[] calls, double[] proceeds, double nav) {
        double hurdle = terms.hurdleRate();
        // capital plus preferred return the LPs are still owed; negative while they hold more than that, when it
        // does not compound: a later call is netted against what they already had
        double balance = 0;
        double paidIn = 0;
        double lp = 0;
        double gp = 0;
        for (int y = 0; y < lpDistributions.length; y++) {
            balance = (balance > 0 ? balance * (1 + hurdle) : balance) + calls[y];
            paidIn += calls[y];
            double toLp = Math.min(proceeds[y], Math.max(0, balance));
            double[] split = split(proceeds[y] - toLp, lp + toLp, gp, paidIn);
            lpDistributions[y] = toLp + split[0];
            balance -= lpDistributions[y];
            lp += lpDistributions[y];
            gp += split[1];
        }
        double navToLp = Math.min(nav, Math.max(0, balance));
        double[] split = split(nav - navToLp, lp + navToLp, gp, paidIn);
        double lpNav = navToLp + split[0];
        balance -= lpNav;
        gp += split[1];
        double profit = lp + lpNav + gp - paidIn;
        double due = Math.max(0, Math.min(terms.carryRate() * Math.max(0, profit), gp - Math.max(0, balance)));
        double clawback = Math.max(0, gp - due);
        gpCarry = gp - clawback;
        lpTerminal = lpNav + clawback;
    }

    /**
     * Splits {@code amount} left after the LPs' capital and preferred return: catch-up, then the carry split.
     *
     * @param lp what the LPs hold so far, including this year's return of capital and preferred return
     * @param gp what the GP holds so far
     * @return {LP's part, GP's part}, reused
     */
    private double[] split(double amount, double lp, double gp, double paidIn) {
        double carry = terms.carryRate();
        double toGp = 0;
        double left = amount;
        if (left > 0 && terms.catchesUp()) {
            // the GP takes catchUp of x until gp + catchUp x = carry (lp + gp + x - paidIn)
            double zone = (carry * (lp + gp - paidIn) - gp) / (terms.catchUp() - carry);
            double x = Math.min(left, Math.max(0, zone));
            toGp += terms.catchUp() * x;
            left -= x;
        }
        if (left > 0) {
            toGp += carry * left;
        }
        pair[1] = toGp;
        pair[0] = amount - toGp;
        return pair;
    }
}
