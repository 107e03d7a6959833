package dev.vcportfolio.session;

import static dev.vcportfolio.session.ReportFormat.NONE;
import static dev.vcportfolio.session.ReportFormat.count;
import static dev.vcportfolio.session.ReportFormat.money;
import static dev.vcportfolio.session.ReportFormat.number;
import static dev.vcportfolio.session.ReportFormat.percent;

import dev.vcportfolio.calibration.CalibrationView;
import dev.vcportfolio.core.scenario.FundTimeline;
import dev.vcportfolio.matrix.BucketParams;
import dev.vcportfolio.matrix.FundTimelineRequest;
import dev.vcportfolio.matrix.GenerationRequest;
import dev.vcportfolio.matrix.SimModel;
import dev.vcportfolio.optimize.BoundsRequest;
import dev.vcportfolio.optimize.ConstraintsRequest;
import dev.vcportfolio.optimize.FundTermsRequest;
import dev.vcportfolio.session.ReportHtml.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The report's assumptions: fund, model and calibration, buckets, fund terms, and the limits as requested. */
final class ReportAssumptions {

    private ReportAssumptions() {}

    static void write(ReportHtml html, ReportInput input) {
        html.heading(2, ReportDocument.SECTIONS.get(1));
        fund(html, input);
        calibration(html, input);
        buckets(html, input.buckets());
        terms(html, input);
        limits(html, input.config().constraints());
    }

    private static void fund(ReportHtml html, ReportInput input) {
        SessionConfig config = input.config();
        GenerationRequest generation = config.generation();
        List<List<String>> facts = new ArrayList<>();
        facts.add(List.of("Fund size (commitments)", money(config.fundSize())));
        if (input.result().fundMetrics() != null) {
            facts.add(List.of(
                    "Investable capital (commitments less fees; what the weights split)",
                    money(input.result().fundMetrics().investableCapital())));
        }
        facts.add(List.of(
                "Scenario model", generation == null ? "none: a matrix the client uploaded" : input.simModel()));
        facts.add(List.of("Scenarios (in sample)", count(input.distribution().scenarioCount())));
        if (generation != null && generation.model() == SimModel.round_by_round_v1) {
            facts.add(List.of("Fund timeline", timeline(generation.fund())));
        }
        facts.add(List.of(
                "Validation",
                count(input.result().validationMetrics().scenarios()) + " scenarios, "
                        + input.result().validationMetrics().method()));
        facts.add(List.of("Pass 2 keeps E[MOIC] within epsilon of the optimum", number(config.epsilon())));
        html.facts(facts);
    }

    private static String timeline(FundTimelineRequest fund) {
        FundTimeline d = FundTimeline.DEFAULT;
        double investing = fund != null && fund.investmentPeriodYears() != null
                ? fund.investmentPeriodYears()
                : d.investmentPeriodYears();
        int term = fund != null && fund.termYears() != null ? fund.termYears() : d.termYears();
        int extensions = fund != null && fund.extensionYears() != null ? fund.extensionYears() : d.extensionYears();
        return number(investing) + " years investing, a " + term + "-year term, " + extensions + " extension years";
    }

    private static void calibration(ReportHtml html, ReportInput input) {
        html.heading(3, "Calibration");
        if (input.calibrationVersion() == null) {
            html.paragraph("None: the client brought the scenario matrix, so no calibration of this service made it.");
            return;
        }
        CalibrationView c = input.calibration();
        List<List<String>> facts = new ArrayList<>();
        facts.add(List.of("Version", input.calibrationVersion()));
        if (c == null) {
            facts.add(List.of("Snapshot", "not readable"));
            html.facts(facts);
            return;
        }
        facts.add(List.of("Owner", c.fundId() == null ? "shared benchmark" : "fund " + c.fundId()));
        facts.add(List.of("Method and sources", orDash(c.calibrationMethod())));
        facts.add(List.of("Data window", orDash(c.dataWindow())));
        facts.add(List.of("Sample size", c.sampleSize() == null ? NONE : count(c.sampleSize())));
        facts.add(List.of("Stored", ReportFormat.dateTime(c.createdAt())));
        html.facts(facts);
        if (c.fundId() == null) {
            html.note("The shipped benchmarks name every source figure by figure in the service's docs/model.md"
                    + " and in the migrations that store them.");
        }
    }

    private static void buckets(ReportHtml html, List<BucketParams> buckets) {
        html.heading(3, "Buckets");
        List<List<Cell>> rows = new ArrayList<>();
        for (BucketParams b : buckets) {
            String option = b.rounds() == null || b.rounds().reservePolicy() == null
                    ? NONE
                    : b.rounds().reservePolicy();
            rows.add(List.of(
                    Cell.text(b.key()),
                    Cell.text(option),
                    Cell.figure(money(b.initialCheck())),
                    Cell.figure(number(b.reserveRatio())),
                    Cell.figure(money(b.allInCost())),
                    Cell.figure(b.dealsPerBucket() == null ? NONE : count(b.dealsPerBucket())),
                    Cell.figure(percent(b.pWin()))));
        }
        html.table(
                "buckets",
                List.of(
                        "Bucket",
                        "Reserve option",
                        "Initial cheque",
                        "Reserve ratio",
                        "All-in cost per deal",
                        "Deals per cell",
                        "P(10\u00d7) per deal"),
                rows);
    }

    private static void terms(ReportHtml html, ReportInput input) {
        html.heading(3, "Fund terms");
        FundTermsRequest t = FundTermsRequest.normalized(input.config().fundTerms());
        html.facts(List.of(
                List.of("Management fee, investment period (of commitments a year)", percent(t.managementFeeRate())),
                List.of("Management fee, after it (of commitments a year)", percent(t.postPeriodFeeRate())),
                List.of("Carry", percent(t.carryRate())),
                List.of("Hurdle (preferred return, compounding yearly)", percent(t.hurdleRate())),
                List.of("GP catch-up", t.catchUp() == 0 ? "none" : percent(t.catchUp())),
                List.of("Waterfall", "European (whole fund)")));
        if (input.result().fundMetrics() == null) {
            html.note("This matrix has no cash flows in time, so the terms were not applied: no LP view.");
        }
    }

    private static void limits(ReportHtml html, ConstraintsRequest c) {
        html.heading(3, "Limits requested");
        html.facts(List.of(
                List.of(
                        "Maximum loss probability (MOIC below 1\u00d7)",
                        c.maxLossProbability() >= 1 ? "none" : percent(c.maxLossProbability())),
                List.of(
                        "CVaR limit (mean loss fraction in the worst tail)",
                        (c.cvarLimit() >= 1 ? "none" : number(c.cvarLimit())) + " at " + percent(c.cvarConfidence())
                                + " confidence"),
                List.of(
                        "Minimum expected 10\u00d7 winners",
                        c.minExpectedWinners() <= 0 ? "none" : number(c.minExpectedWinners())),
                List.of(
                        "Largest weight of one bucket",
                        c.bucketMaxWeight() >= 1 ? "none" : percent(c.bucketMaxWeight())),
                List.of("Sector bounds", bounds(c.sectorBounds())),
                List.of("Stage bounds", bounds(c.stageBounds()))));
    }

    private static String bounds(Map<String, BoundsRequest> bounds) {
        if (bounds == null || bounds.isEmpty()) {
            return "none";
        }
        return bounds.entrySet().stream()
                .map(e -> e.getKey() + ": " + share(e.getValue().min(), "0%") + " to "
                        + share(e.getValue().max(), "100%"))
                .collect(Collectors.joining("; "));
    }

    private static String share(Double value, String free) {
        return value == null ? free : percent(value);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? NONE : text;
    }
}
