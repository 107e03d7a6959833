package dev.vcportfolio.matrix;

import dev.vcportfolio.core.error.FieldViolation;
import dev.vcportfolio.core.scenario.FollowOnMode;
import dev.vcportfolio.core.scenario.FundTimeline;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks of a generation request's round-by-round fields (DESIGN 13) that annotations cannot express. */
final class RoundRules {

    private RoundRules() {}

    /** A {@code round_by_round_v1} request: coherent fund timeline, follow-on policies, options and valuations. */
    static void check(GenerationRequest request, List<FieldViolation> violations) {
        if (request.recycling() != null
                && Boolean.TRUE.equals(request.recycling().enabled())) {
            violations.add(new FieldViolation(
                    "recycling", "is a three_component_v1 option (set simModel to three_component_v1)"));
        }
        FundTimelineRequest fund = request.fund();
        if (fund != null) {
            if (investmentPeriod(fund) > term(fund)) {
                violations.add(new FieldViolation(
                        fund.investmentPeriodYears() != null ? "fund.investmentPeriodYears" : "fund.termYears",
                        "the investment period (" + investmentPeriod(fund) + " years) must fit in the term ("
                                + term(fund) + " years)"));
            }
            if (term(fund) + extension(fund) > FundTimeline.MAX_YEARS) {
                violations.add(new FieldViolation(
                        "fund.extensionYears", "termYears + extensionYears must be at most " + FundTimeline.MAX_YEARS));
            }
        }
        for (int i = 0; i < request.buckets().size(); i++) {
            GenerationBucketRequest bucket = request.buckets().get(i);
            String at = "buckets[" + i + "]";
            if (bucket.entryValuation() != null && bucket.entryValuation() < bucket.initialCheck()) {
                violations.add(new FieldViolation(at + ".entryValuation", "must be at least initialCheck"));
            }
            followOn(bucket.followOn(), at + ".followOn", violations);
            if (bucket.reserveOptions() == null) {
                continue;
            }
            if (bucket.followOn() != null) {
                violations.add(
                        new FieldViolation(at + ".followOn", "goes on each reserve option, not beside reserveOptions"));
            }
            Set<String> names = new HashSet<>();
            for (int o = 0; o < bucket.reserveOptions().size(); o++) {
                ReserveOptionRequest option = bucket.reserveOptions().get(o);
                String optionAt = at + ".reserveOptions[" + o + "]";
                if (!names.add(option.name())) {
                    violations.add(new FieldViolation(optionAt + ".name", "duplicate reserve option " + option.name()));
                }
                followOn(option.followOn(), optionAt + ".followOn", violations);
            }
        }
    }

    /** A {@code three_component_v1} request carries none of the round-by-round fields. */
    static void absent(GenerationRequest request, List<FieldViolation> violations) {
        if (request.fund() != null) {
            violations.add(new FieldViolation("fund", "is a round_by_round_v1 field (set simModel)"));
        }
        for (int i = 0; i < request.buckets().size(); i++) {
            GenerationBucketRequest bucket = request.buckets().get(i);
            String at = "buckets[" + i + "]";
            if (bucket.entryValuation() != null) {
                violations.add(new FieldViolation(at + ".entryValuation", "is a round_by_round_v1 field"));
            }
            if (bucket.followOn() != null) {
                violations.add(new FieldViolation(at + ".followOn", "is a round_by_round_v1 field"));
            }
            if (bucket.reserveOptions() != null) {
                violations.add(new FieldViolation(at + ".reserveOptions", "is a round_by_round_v1 field"));
            }
        }
    }

    /** Floats one scenario takes across both matrices' rows: rows x (years + 2). */
    static long cellsPerScenario(GenerationRequest request) {
        long rows = 0;
        for (GenerationBucketRequest bucket : request.buckets()) {
            rows += bucket.reserveOptions() == null
                    ? 1
                    : bucket.reserveOptions().size();
        }
        FundTimelineRequest fund = request.fund();
        return rows * (fund == null ? FundTimeline.DEFAULT.yearCount() : term(fund) + extension(fund) + 2L);
    }

    private static double investmentPeriod(FundTimelineRequest fund) {
        return fund.investmentPeriodYears() != null
                ? fund.investmentPeriodYears()
                : FundTimeline.DEFAULT.investmentPeriodYears();
    }

    private static int term(FundTimelineRequest fund) {
        return fund.termYears() != null ? fund.termYears() : FundTimeline.DEFAULT.termYears();
    }

    private static int extension(FundTimelineRequest fund) {
        return fund.extensionYears() != null ? fund.extensionYears() : FundTimeline.DEFAULT.extensionYears();
    }

    private static void followOn(FollowOnRequest followOn, String at, List<FieldViolation> violations) {
        if (followOn == null) {
            return;
        }
        boolean fixed = followOn.mode() == FollowOnMode.fixed;
        if (fixed && followOn.multiple() == null) {
            violations.add(new FieldViolation(at + ".multiple", "is required for a fixed follow-on"));
        }
        if (!fixed && followOn.multiple() != null) {
            violations.add(new FieldViolation(at + ".multiple", "goes with mode fixed only"));
        }
    }
}
