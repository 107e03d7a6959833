package dev.vcportfolio.core.economics;

import java.util.List;

/**
 * What an LP sees of one allocation across scenarios (DESIGN 14).
 *
 * @param grossMultiple proceeds plus NAV over invested capital, before fees and carry
 * @param netTvpi LP distributions plus their terminal value (NAV share and clawback) over paid-in capital
 * @param netIrr the IRR of the LPs' yearly flows, their terminal value in the horizon year
 * @param probabilityNetTvpiAtLeast1 share of scenarios with net TVPI at least 1; likewise 2 and 3
 * @param netDpiByYear cumulative LP distributions over paid-in capital to date, years 0..H
 * @param jCurve cumulative LP net cash flow (distributions minus calls) over commitments, years 0..H
 * @param expectedCarry mean carry the GP keeps, in dollars
 * @param investableCapital commitments minus total fees: what the weights split
 * @param totalFees management fees over the fund's life
 */
public record FundMetrics(
        Spread grossMultiple,
        Spread netTvpi,
        IrrSpread netIrr,
        double probabilityNetTvpiAtLeast1,
        double probabilityNetTvpiAtLeast2,
        double probabilityNetTvpiAtLeast3,
        List<YearBand> netDpiByYear,
        List<YearBand> jCurve,
        double expectedCarry,
        double investableCapital,
        double totalFees) {

    public FundMetrics {
        netDpiByYear = List.copyOf(netDpiByYear);
        jCurve = List.copyOf(jCurve);
    }
}
