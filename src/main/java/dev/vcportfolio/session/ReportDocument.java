package dev.vcportfolio.session;

import static dev.vcportfolio.session.ReportFormat.dateTime;
import static dev.vcportfolio.session.ReportFormat.money;
import static dev.vcportfolio.session.ReportFormat.multiple;
import static dev.vcportfolio.session.ReportFormat.percent;

import dev.vcportfolio.optimize.FundMetricsView;
import java.util.ArrayList;
import java.util.List;

/**
 * The investment-committee report of a completed session (DESIGN 16): one self-contained HTML document, its style
 * inline and its charts inline SVG, with no script and no external address, laid out to print on A4 (tables repeat
 * their header on each page and never split a row). This class writes the frame, the title and the summary; the
 * sections are {@link ReportAssumptions}, {@link ReportResults} and {@link ReportChecks}.
 */
final class ReportDocument {

    static final String TITLE = "Investment committee report";

    /** The section headings, in order (the LP view only for a result with cash flows). */
    static final List<String> SECTIONS = List.of(
            "Summary",
            "Assumptions",
            "Allocation",
            "Return and risk",
            "LP view (net of fees and carry)",
            "Limits and relaxations",
            "Validation and baseline",
            "Solver account");

    static final String CSS = """
            @page { size: A4; margin: 14mm 13mm 16mm; }
            @page { @bottom-right { content: "page " counter(page) " of " counter(pages); font: 8pt sans-serif; } }
            * { box-sizing: border-box; }
            html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            body { font: 9.5pt/1.35 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111;
                   margin: 0 auto; max-width: 184mm; padding: 0 2mm; }
            h1 { font-size: 17pt; margin: 0 0 1mm; }
            h2 { font-size: 12.5pt; margin: 6mm 0 2mm; padding-bottom: 0.5mm; border-bottom: 1pt solid #777;
                 break-after: avoid; page-break-after: avoid; }
            h3 { font-size: 10.5pt; margin: 3.5mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
            p { margin: 1mm 0 2mm; }
            table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; }
            thead { display: table-header-group; }
            tr, figure, .summary div { break-inside: avoid; page-break-inside: avoid; }
            th, td { text-align: left; vertical-align: top; padding: 0.8mm 1.5mm; border-bottom: 0.5pt solid #ccc;
                     overflow-wrap: break-word; }
            thead th { background: #e8edf5; border-bottom: 1pt solid #666; }
            th.num { text-align: right; }
            td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            td.bad { color: #a00; font-weight: bold; }
            td.total, tr:last-child td.total { font-weight: bold; border-top: 1pt solid #666; }
            table.facts th { width: 36%; font-weight: normal; color: #333; }
            .subtitle { font-size: 11pt; color: #333; margin: 0 0 3mm; }
            .note { color: #444; font-size: 8.5pt; }
            .summary { display: grid; grid-template-columns: repeat(3, 1fr); gap: 2mm; margin: 1mm 0 2mm; }
            .summary div { border: 0.5pt solid #aaa; padding: 1.5mm 2mm; }
            .summary span { display: block; color: #444; font-size: 8.5pt; }
            .summary strong { font-size: 13pt; }
            figure { margin: 1mm 0 3mm; }
            figcaption { font-size: 8.5pt; color: #444; }
            svg.chart { display: block; width: 100%; height: auto; font-family: sans-serif; }
            @media screen { body { margin: 8mm auto; } }
            """;

    private ReportDocument() {}

    static String html(ReportInput input) {
        ReportHtml html = new ReportHtml();
        SessionResultView result = input.result();
        html.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .open("title", "")
                .text(TITLE + " \u2013 session " + result.sessionId())
                .close("title")
                .raw("<style>")
                .raw(CSS)
                .raw("</style></head>\n<body>\n");
        title(html, input);
        summary(html, input);
        ReportAssumptions.write(html, input);
        ReportResults.write(html, input);
        ReportChecks.write(html, input);
        return html.raw("</body></html>\n").toString();
    }

    private static void title(ReportHtml html, ReportInput input) {
        SessionResultView result = input.result();
        String subtitle = result.name() == null
                ? "Optimization session " + result.sessionId()
                : result.name() + " \u2013 optimization session " + result.sessionId();
        html.heading(1, TITLE).element("p", "subtitle", subtitle);
        html.facts(List.of(
                List.of("Plan", result.name() == null ? "(unnamed)" : result.name()),
                List.of("Session", result.sessionId().toString()),
                List.of("Fund", input.fundId().toString()),
                List.of("Created", dateTime(input.createdAt())),
                List.of("Completed", dateTime(input.completedAt())),
                List.of("Status", result.status()),
                List.of("Scenario matrix", result.matrixKey())));
    }

    private static void summary(ReportHtml html, ReportInput input) {
        SessionResultView result = input.result();
        ValidationView validation = result.validationMetrics();
        FundMetricsView fund = result.fundMetrics();
        double confidence = input.config().constraints().cvarConfidence();
        List<List<String>> cards = new ArrayList<>();
        cards.add(List.of("Fund size", money(result.fundSize())));
        cards.add(List.of("Expected MOIC (in sample)", multiple(result.expectedMoic())));
        cards.add(List.of("Expected MOIC (out of sample)", multiple(validation.expectedMoic())));
        cards.add(List.of(
                "Loss probability (MOIC below 1\u00d7)",
                percent(result.riskMetrics().lossProbability())));
        cards.add(List.of(
                "CVaR at " + percent(confidence), percent(result.riskMetrics().cvar())));
        cards.add(List.of("Every limit holds out of sample", validation.feasible() ? "yes" : "no, see Validation"));
        if (fund != null) {
            cards.add(List.of("Net TVPI to LPs (mean)", multiple(fund.netTvpi().mean())));
            cards.add(List.of("Net IRR to LPs (P50)", percent(fund.netIrr().p50())));
            cards.add(List.of(
                    "P(net TVPI \u2265 1\u00d7)",
                    percent(fund.probabilityNetTvpiAtLeast().get("1"))));
        }
        html.heading(2, SECTIONS.get(0)).open("div", "summary");
        for (List<String> card : cards) {
            html.open("div", "")
                    .element("span", "", card.get(0))
                    .element("strong", "", card.get(1))
                    .close("div");
        }
        html.close("div");
    }
}
