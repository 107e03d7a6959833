package dev.vcportfolio.session;

import static dev.vcportfolio.session.ReportFormat.NONE;
import static dev.vcportfolio.session.ReportFormat.count;
import static dev.vcportfolio.session.ReportFormat.money;
import static dev.vcportfolio.session.ReportFormat.multiple;
import static dev.vcportfolio.session.ReportFormat.number;
import static dev.vcportfolio.session.ReportFormat.percent;
import static dev.vcportfolio.session.ReportFormat.weight;

import dev.vcportfolio.core.optimize.PortfolioDistribution;
import dev.vcportfolio.optimize.AllocationRow;
import dev.vcportfolio.optimize.FundMetricsView;
import dev.vcportfolio.optimize.FundMetricsView.Band;
import dev.vcportfolio.optimize.FundMetricsView.Distribution;
import dev.vcportfolio.session.ReportHtml.Cell;
import java.util.ArrayList;
import java.util.List;

/** The report's answer: the allocation, its return and risk with the MOIC distribution, and the LPs' view. */
final class ReportResults {

    private ReportResults() {}

    static void write(ReportHtml html, ReportInput input) {
        allocation(html, input.result());
        risk(html, input);
        lpView(html, input.result());
    }

    private static void allocation(ReportHtml html, SessionResultView result) {
        html.heading(2, ReportDocument.SECTIONS.get(2));
        List<List<Cell>> rows = new ArrayList<>();
        double weights = 0;
        double dollars = 0;
        long deals = 0;
        for (AllocationRow row : result.allocation()) {
            rows.add(List.of(
                    Cell.text(row.bucketKey()),
                    Cell.figure(count(row.dealCount())),
                    Cell.figure(money(row.dollars())),
                    Cell.figure(weight(row.weight()))));
            weights += row.weight();
            dollars += row.dollars();
            deals += row.dealCount();
        }
        if (result.uninvested().dollars() > 0) {
            rows.add(List.of(
                    Cell.text("Uninvested (no further whole deal fits)"),
                    Cell.figure(""),
                    Cell.figure(money(result.uninvested().dollars())),
                    Cell.figure(weight(result.uninvested().weight()))));
        }
        rows.add(List.of(
                new Cell("Total invested", "total"),
                new Cell(count(deals), "num total"),
                new Cell(money(dollars), "num total"),
                new Cell(weight(weights), "num total")));
        html.table("allocation", List.of("Bucket", "Deals", "Amount", "Weight"), rows);
        html.paragraph("Expected MOIC " + multiple(result.expectedMoic())
                + " per allocated dollar, in sample (reserve never called counts as returned at 1\u00d7).");
    }

    private static void risk(ReportHtml html, ReportInput input) {
        SessionResultView result = input.result();
        ValidationView out = result.validationMetrics();
        double confidence = input.config().constraints().cvarConfidence();
        html.heading(2, ReportDocument.SECTIONS.get(3));
        html.table(
                "risk",
                List.of("Measure", "In sample", "Out of sample"),
                List.of(
                        row("Expected MOIC", multiple(result.expectedMoic()), multiple(out.expectedMoic())),
                        row(
                                "Loss probability (MOIC below 1\u00d7)",
                                percent(result.riskMetrics().lossProbability()),
                                percent(out.lossProbability())),
                        row(
                                "CVaR at " + percent(confidence) + " (mean loss fraction in the worst "
                                        + percent(1 - confidence) + ")",
                                percent(result.riskMetrics().cvar()),
                                percent(out.cvar())),
                        row(
                                "Expected 10\u00d7 winners",
                                number(result.riskMetrics().expectedWinners()),
                                number(out.expectedWinners()))));
        PortfolioDistribution d = input.distribution();
        List<String> header = new ArrayList<>();
        List<Cell> values = new ArrayList<>();
        for (double level : PortfolioDistribution.LEVELS) {
            header.add("P" + Math.round(level * 100));
            values.add(Cell.figure(multiple(d.percentile(level))));
        }
        html.heading(3, "Portfolio MOIC percentiles (in sample)").table("percentiles", header, List.of(values));
        html.open("figure", "")
                .raw(ReportCharts.histogram(d))
                .element(
                        "figcaption",
                        "",
                        "Portfolio MOIC over " + count(d.scenarioCount()) + " scenarios: red bars lose money ("
                                + percent(d.lossShare()) + " of scenarios), mean " + multiple(d.mean()) + ", worst "
                                + multiple(d.min()) + ", best " + multiple(d.max()) + ".")
                .close("figure");
    }

    private static void lpView(ReportHtml html, SessionResultView result) {
        html.heading(2, ReportDocument.SECTIONS.get(4));
        FundMetricsView in = result.fundMetrics();
        if (in == null) {
            html.paragraph("No LP view: the matrix has no cash flows in time (the one-period model or an uploaded"
                    + " matrix), so fees, carry, IRR and the J-curve cannot be computed.");
            return;
        }
        FundMetricsView out = result.validationMetrics().fundMetrics();
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(spread("Gross multiple on invested capital, in sample", in.grossMultiple()));
        rows.add(spread("Net TVPI, in sample", in.netTvpi()));
        if (out != null) {
            rows.add(spread("Net TVPI, out of sample", out.netTvpi()));
        }
        rows.add(irr("Net IRR, in sample", in.netIrr()));
        if (out != null) {
            rows.add(irr("Net IRR, out of sample", out.netIrr()));
        }
        html.table("lp", List.of("Measure", "Mean", "P10", "P50", "P90"), rows);
        html.facts(List.of(
                List.of("P(net TVPI \u2265 1\u00d7, 2\u00d7, 3\u00d7)", atLeast(in)),
                List.of(
                        "Net IRR undefined (flows never change sign)",
                        percent(in.netIrr().undefinedShare())),
                List.of("Expected carry to the GP", money(in.expectedCarry())),
                List.of("Total management fees", money(in.totalFees())),
                List.of("Investable capital", money(in.investableCapital()))));
        html.heading(3, "J-curve")
                .open("figure", "")
                .raw(ReportCharts.jCurve(in.jCurve()))
                .element(
                        "figcaption",
                        "",
                        "Cumulative LP net cash flow (distributions less calls) as a share of commitments, in sample.")
                .close("figure");
        yearTable(html, in);
    }

    private static void yearTable(ReportHtml html, FundMetricsView in) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < in.jCurve().size(); i++) {
            Band j = in.jCurve().get(i);
            Band dpi = i < in.netDpiByYear().size() ? in.netDpiByYear().get(i) : null;
            rows.add(List.of(
                    Cell.figure(Integer.toString(j.year())),
                    Cell.figure(percent(j.p10())),
                    Cell.figure(percent(j.p50())),
                    Cell.figure(percent(j.p90())),
                    Cell.figure(dpi == null ? NONE : multiple(dpi.p10())),
                    Cell.figure(dpi == null ? NONE : multiple(dpi.p50())),
                    Cell.figure(dpi == null ? NONE : multiple(dpi.p90()))));
        }
        html.heading(3, "By fund year: J-curve and net DPI")
                .table(
                        "years",
                        List.of("Year", "J-curve P10", "J-curve P50", "J-curve P90", "DPI P10", "DPI P50", "DPI P90"),
                        rows);
    }

    private static List<Cell> row(String label, String inSample, String outOfSample) {
        return List.of(Cell.text(label), Cell.figure(inSample), Cell.figure(outOfSample));
    }

    private static List<Cell> spread(String label, Distribution d) {
        return List.of(
                Cell.text(label),
                Cell.figure(multiple(d.mean())),
                Cell.figure(multiple(d.p10())),
                Cell.figure(multiple(d.p50())),
                Cell.figure(multiple(d.p90())));
    }

    private static List<Cell> irr(String label, FundMetricsView.Irr irr) {
        return List.of(
                Cell.text(label),
                Cell.figure(NONE),
                Cell.figure(percent(irr.p10())),
                Cell.figure(percent(irr.p50())),
                Cell.figure(percent(irr.p90())));
    }

    private static String atLeast(FundMetricsView in) {
        var p = in.probabilityNetTvpiAtLeast();
        return percent(p.get("1")) + ", " + percent(p.get("2")) + ", " + percent(p.get("3"));
    }
}
