package dev.vcportfolio.session;

import static dev.vcportfolio.session.ReportFormat.NONE;
import static dev.vcportfolio.session.ReportFormat.count;
import static dev.vcportfolio.session.ReportFormat.millis;
import static dev.vcportfolio.session.ReportFormat.multiple;
import static dev.vcportfolio.session.ReportFormat.number;
import static dev.vcportfolio.session.ReportFormat.percent;
import static dev.vcportfolio.session.ReportFormat.scientific;
import static dev.vcportfolio.session.ReportFormat.yesNo;

import dev.vcportfolio.optimize.ConstraintRow;
import dev.vcportfolio.optimize.RelaxationEntry;
import dev.vcportfolio.session.ReportHtml.Cell;
import java.util.ArrayList;
import java.util.List;

/**
 * What stands behind the answer: every limit with its slack and the relaxations the request needed, the out-of-sample
 * validation against the greedy baseline, and the solver's account of its work.
 */
final class ReportChecks {

    private ReportChecks() {}

    static void write(ReportHtml html, ReportInput input) {
        SessionResultView result = input.result();
        limits(html, result);
        validation(html, result);
        solver(html, result);
    }

    private static void limits(ReportHtml html, SessionResultView result) {
        html.heading(2, ReportDocument.SECTIONS.get(5));
        List<List<Cell>> rows = new ArrayList<>();
        for (ConstraintRow row : result.constraintReport()) {
            String status =
                    !row.satisfied() ? "VIOLATED" : row.relaxed() ? "relaxed" : row.binding() ? "binding" : "met";
            rows.add(List.of(
                    Cell.text(row.constraint()),
                    Cell.text(row.subject().isEmpty() ? "fund" : row.subject()),
                    Cell.figure(number(row.required())),
                    Cell.figure(number(row.achieved())),
                    Cell.figure(number(row.slack())),
                    new Cell(status, row.satisfied() ? "" : "bad")));
        }
        html.heading(3, "Constraint report (in sample)")
                .table("constraints", List.of("Limit", "Subject", "Required", "Achieved", "Slack", "Status"), rows);
        html.heading(3, "Relaxations");
        if (result.relaxationLog().isEmpty()) {
            html.paragraph("None: every limit could be met as requested.");
            return;
        }
        List<List<Cell>> steps = new ArrayList<>();
        for (RelaxationEntry e : result.relaxationLog()) {
            steps.add(List.of(
                    Cell.text(
                            e.constraint() + (e.subject() == null || e.subject().isEmpty() ? "" : " " + e.subject())),
                    Cell.text(e.direction()),
                    Cell.figure(number(e.oldValue())),
                    Cell.figure(number(e.newValue())),
                    Cell.text(e.provenLeast() ? "yes" : "no: the budget ended the search"),
                    Cell.figure(number(e.provenBound())),
                    Cell.text(e.message())));
        }
        html.table(
                "relaxations",
                List.of("Limit", "Moved", "From", "To", "Least move proven", "Proven bound", "Explanation"),
                steps);
    }

    private static void validation(ReportHtml html, SessionResultView result) {
        ValidationView v = result.validationMetrics();
        html.heading(2, ReportDocument.SECTIONS.get(6));
        html.paragraph("The allocation measured on " + count(v.scenarios()) + " scenarios it was not optimized on ("
                + v.method() + ").");
        html.table(
                "validation",
                List.of("Measure", "Value"),
                List.of(
                        pair("Expected MOIC out of sample", multiple(v.expectedMoic())),
                        pair("Loss probability out of sample", percent(v.lossProbability())),
                        pair("CVaR out of sample", number(v.cvar())),
                        pair("Expected 10\u00d7 winners out of sample", number(v.expectedWinners())),
                        pair("Loss probability above its limit by", number(v.maxLossViolation())),
                        pair("CVaR above its limit by", number(v.cvarViolation())),
                        pair("Winners below their floor by", number(v.winnerCountViolation())),
                        List.of(
                                Cell.text("Every limit holds out of sample"),
                                new Cell(yesNo(v.feasible()), v.feasible() ? "num" : "num bad"))));
        html.heading(3, "Baseline: greedy by expected multiple (what an analyst would build by hand)");
        String greedy = v.greedyObjective() == null ? NONE : multiple(v.greedyObjective());
        String gain = v.greedyObjective() == null ? NONE : number(result.expectedMoic() - v.greedyObjective());
        html.table(
                "baseline",
                List.of("Portfolio", "Expected MOIC (in sample)", "Meets every limit in sample"),
                List.of(
                        List.of(
                                Cell.text("Optimized"),
                                Cell.figure(multiple(result.expectedMoic())),
                                Cell.figure(
                                        yesNo(result.constraintReport().stream().allMatch(ConstraintRow::satisfied)))),
                        List.of(
                                Cell.text("Greedy baseline"),
                                Cell.figure(greedy),
                                Cell.figure(yesNo(v.greedyFeasible())))));
        if (v.greedyObjective() == null) {
            html.note("The greedy baseline left part of the fund unplaced under its caps: no comparable multiple.");
        } else {
            html.note("Optimized less greedy: " + gain + " in expected MOIC"
                    + (v.greedyFeasible()
                            ? "."
                            : "; the greedy portfolio breaks a limit, so the committee could not take it instead."));
        }
    }

    private static void solver(ReportHtml html, SessionResultView result) {
        SolverMetadata s = result.solverMetadata();
        html.heading(2, ReportDocument.SECTIONS.get(7));
        List<List<String>> facts = new ArrayList<>();
        facts.add(List.of("Status", s.status()));
        facts.add(List.of("Backend", s.backend()));
        facts.add(List.of("Proven gap", scientific(s.gap())));
        facts.add(List.of("Bound", number(s.bound())));
        facts.add(List.of("Branch-and-bound nodes", count(s.nodes())));
        facts.add(List.of("Solver time", millis(s.millis())));
        facts.add(List.of("Every constraint recomputed from the matrix holds", yesNo(s.verified())));
        facts.add(List.of("Pass 1 optimum E*", number(result.pass1EStar())));
        facts.add(List.of("Pass 2 keeps E[MOIC] at least E* less", number(result.primaryLockEpsilon())));
        if (s.budget() != null) {
            facts.add(List.of(
                    "Budget",
                    millis(s.budget().spentMillis()) + " spent of "
                            + millis(s.budget().limitMillis()) + ", node limit "
                            + count(s.budget().nodeLimit())));
        }
        html.facts(facts);
        if (s.budget() != null && !s.budget().steps().isEmpty()) {
            List<List<Cell>> steps = new ArrayList<>();
            for (SolverMetadata.BudgetStep step : s.budget().steps()) {
                steps.add(List.of(
                        Cell.text(step.step()), Cell.figure(millis(step.millis())), Cell.figure(count(step.nodes()))));
            }
            html.heading(3, "Budget by step").table("budget", List.of("Step", "Time", "Nodes"), steps);
        }
        if (s.runs() != null && !s.runs().isEmpty()) {
            List<List<Cell>> runs = new ArrayList<>();
            for (SolverMetadata.Solve run : s.runs()) {
                runs.add(List.of(
                        Cell.text(run.backend()),
                        Cell.text(run.status()),
                        Cell.figure(number(run.objective())),
                        Cell.figure(number(run.bound())),
                        Cell.figure(scientific(run.gap())),
                        Cell.figure(count(run.nodes())),
                        Cell.figure(millis(run.millis())),
                        Cell.text(run.watchdogFired() ? "watchdog stopped it" : "")));
            }
            html.heading(3, "Solves")
                    .table(
                            "runs",
                            List.of("Backend", "Status", "Objective", "Bound", "Gap", "Nodes", "Time", "Note"),
                            runs);
        }
    }

    private static List<Cell> pair(String label, String value) {
        return List.of(Cell.text(label), Cell.figure(value));
    }
}
