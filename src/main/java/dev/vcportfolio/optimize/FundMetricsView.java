package dev.vcportfolio.optimize;

import dev.vcportfolio.core.economics.FundMetrics;
import dev.vcportfolio.core.economics.IrrSpread;
import dev.vcportfolio.core.economics.Spread;
import dev.vcportfolio.core.economics.YearBand;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * An allocation as the LPs see it, net of fees and carry (DESIGN 14), across the scenarios it was measured on.
 *
 * @param grossMultiple proceeds plus NAV over invested capital, before fees and carry
 * @param netTvpi LP distributions plus their share of the horizon NAV, over paid-in capital
 * @param netIrr the IRR of the LPs' yearly flows; percentiles over the scenarios that have one
 * @param probabilityNetTvpiAtLeast share of scenarios with net TVPI at least 1, 2 and 3 (keys "1", "2", "3")
 * @param netDpiByYear cumulative LP distributions over paid-in capital, by fund year
 * @param jCurve cumulative LP net cash flow (distributions minus calls) over commitments, by fund year
 * @param expectedCarry mean carry the GP keeps, in dollars
 * @param investableCapital commitments minus total fees: what the weights split
 * @param totalFees management fees over the fund's life, in dollars
 */
@RegisterForReflection
public record FundMetricsView(
        Distribution grossMultiple,
        Distribution netTvpi,
        Irr netIrr,
        Map<String, Double> probabilityNetTvpiAtLeast,
        List<Band> netDpiByYear,
        List<Band> jCurve,
        double expectedCarry,
        double investableCapital,
        double totalFees) {

    /** Mean and percentiles across scenarios. */
    @RegisterForReflection
    public record Distribution(double mean, double p10, double p50, double p90) {}

    /** Percentiles of the IRR (absent when no scenario has one) and the share of scenarios without one. */
    @RegisterForReflection
    public record Irr(Double p10, Double p50, Double p90, double undefinedShare) {}

    /** Percentiles in one fund year. */
    @RegisterForReflection
    public record Band(int year, double p10, double p50, double p90) {}

    public static FundMetricsView of(FundMetrics metrics) {
        Map<String, Double> atLeast = new LinkedHashMap<>();
        atLeast.put("1", metrics.probabilityNetTvpiAtLeast1());
        atLeast.put("2", metrics.probabilityNetTvpiAtLeast2());
        atLeast.put("3", metrics.probabilityNetTvpiAtLeast3());
        IrrSpread irr = metrics.netIrr();
        return new FundMetricsView(
                distribution(metrics.grossMultiple()),
                distribution(metrics.netTvpi()),
                new Irr(boxed(irr.p10()), boxed(irr.p50()), boxed(irr.p90()), irr.undefinedShare()),
                atLeast,
                bands(metrics.netDpiByYear()),
                bands(metrics.jCurve()),
                metrics.expectedCarry(),
                metrics.investableCapital(),
                metrics.totalFees());
    }

    private static Distribution distribution(Spread spread) {
        return new Distribution(spread.mean(), spread.p10(), spread.p50(), spread.p90());
    }

    private static List<Band> bands(List<YearBand> bands) {
        return bands.stream()
                .map(b -> new Band(b.year(), b.p10(), b.p50(), b.p90()))
                .toList();
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
