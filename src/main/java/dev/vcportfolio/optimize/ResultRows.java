package dev.vcportfolio.optimize;

import dev.vcportfolio.core.optimize.BucketAllocation;
import dev.vcportfolio.core.optimize.ConstraintCheck;
import dev.vcportfolio.core.optimize.ConstraintKind;
import dev.vcportfolio.core.optimize.RelaxationStep;
import java.util.List;

/** The optimizer's records in the API's words. */
public final class ResultRows {

    private ResultRows() {}

    public static List<AllocationRow> allocation(List<BucketAllocation> allocation) {
        return allocation.stream()
                .map(a -> new AllocationRow(a.bucketKey(), a.deals(), a.dollars(), a.weight()))
                .toList();
    }

    public static List<ConstraintRow> constraints(List<ConstraintCheck> checks) {
        return checks.stream()
                .map(c -> new ConstraintRow(
                        name(c.kind()),
                        c.subject(),
                        c.required(),
                        c.achieved(),
                        c.satisfied(),
                        c.slack(),
                        c.binding(),
                        c.relaxed()))
                .toList();
    }

    public static List<RelaxationEntry> relaxation(List<RelaxationStep> steps) {
        return steps.stream()
                .map(s -> new RelaxationEntry(
                        name(s.kind()),
                        s.subject(),
                        s.direction(),
                        s.oldValue(),
                        s.newValue(),
                        s.provenLeast(),
                        Double.isFinite(s.provenBound()) ? s.provenBound() : null,
                        sentence(s)))
                .toList();
    }

    /** Risk read off the report's rows, which were recomputed from the matrix. */
    public static RiskMetrics risk(List<ConstraintCheck> checks) {
        return new RiskMetrics(
                achieved(checks, ConstraintKind.LOSS_PROBABILITY),
                achieved(checks, ConstraintKind.CVAR),
                achieved(checks, ConstraintKind.EXPECTED_WINNERS));
    }

    /** {@code LOSS_PROBABILITY} → {@code lossProbability}. */
    public static String name(ConstraintKind kind) {
        String[] words = kind.name().toLowerCase(java.util.Locale.ROOT).split("_");
        var out = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            out.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return out.toString();
    }

    private static double achieved(List<ConstraintCheck> checks, ConstraintKind kind) {
        return checks.stream()
                .filter(c -> c.kind() == kind)
                .mapToDouble(ConstraintCheck::achieved)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the report has no " + kind + " row"));
    }

    private static String sentence(RelaxationStep step) {
        String what = switch (step.kind()) {
            case EXPECTED_WINNERS -> "The expected number of 10x winners";
            case BUCKET_CAP -> "The cap on each bucket's weight";
            case SECTOR_MAX -> "The maximum weight of sector " + step.subject();
            case SECTOR_MIN -> "The minimum weight of sector " + step.subject();
            case STAGE_MAX -> "The maximum weight of stage " + step.subject();
            case STAGE_MIN -> "The minimum weight of stage " + step.subject();
            case CVAR -> "The CVaR limit";
            case LOSS_PROBABILITY -> "The loss-probability limit";
            case BUDGET -> "The budget";
        };
        String change = step.provenLeast()
                ? "the least change that makes the request feasible."
                : "a change that makes the request feasible; the solver's limit stopped the search for a smaller one"
                        + (Double.isFinite(step.provenBound())
                                ? " (none goes beyond " + plain(step.provenBound()) + ")."
                                : ".");
        return "%s was %s from %s to %s, %s"
                .formatted(what, step.direction(), plain(step.oldValue()), plain(step.newValue()), change);
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
