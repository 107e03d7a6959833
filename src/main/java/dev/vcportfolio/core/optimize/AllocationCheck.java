package dev.vcportfolio.core.optimize;

import dev.vcportfolio.core.model.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The constraint report: every constraint of the request recomputed from the matrix for given weights.
 *
 * <p>Tolerance: linear rows (budget, caps, groups, winners) and CVaR hold within {@link #TOLERANCE} absolute; the loss
 * probability is counted exactly ({@code M_s < 1}), which the model's 1e-6 margin on non-loss scenarios makes safe.
 */
final class AllocationCheck {

    static final double TOLERANCE = 1e-6;

    private AllocationCheck() {}

    static List<ConstraintCheck> report(Instance applied, RiskLimits requested, double[] weights) {
        var request = applied.request();
        var limits = applied.limits();
        var rows = new ArrayList<ConstraintCheck>();
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        // Whole deals leave the rest of the capital uninvested: the budget is a ceiling, not an equality.
        rows.add(
                applied.grid().whole()
                        ? upper(ConstraintKind.BUDGET, "", 1, sum, false)
                        : equality(ConstraintKind.BUDGET, "", 1, sum));
        for (int b = 0; b < weights.length; b++) {
            rows.add(upper(
                    ConstraintKind.BUCKET_CAP,
                    request.matrix().bucketKeys().get(b),
                    limits.bucketMaxWeight(),
                    weights[b],
                    limits.bucketMaxWeight() != requested.bucketMaxWeight()));
        }
        for (var group : applied.groups()) {
            boolean sector = group.kind() == BucketGroup.Kind.SECTOR;
            var asked = sector
                    ? requested.sectorBounds().getOrDefault(group.name(), GroupBounds.FREE)
                    : requested.stageBounds().getOrDefault(Stage.valueOf(group.name()), GroupBounds.FREE);
            double total = group.total(weights);
            rows.add(lower(
                    sector ? ConstraintKind.SECTOR_MIN : ConstraintKind.STAGE_MIN,
                    group.name(),
                    group.bounds().min(),
                    total,
                    group.bounds().min() != asked.min()));
            rows.add(upper(
                    sector ? ConstraintKind.SECTOR_MAX : ConstraintKind.STAGE_MAX,
                    group.name(),
                    group.bounds().max(),
                    total,
                    group.bounds().max() != asked.max()));
        }
        var measures = PortfolioMeasures.of(request.matrix(), weights, limits.cvarConfidence());
        double perScenario = 1.0 / request.matrix().scenarioCount();
        double lossSlack = limits.maxLossProbability() - measures.lossProbability();
        rows.add(new ConstraintCheck(
                ConstraintKind.LOSS_PROBABILITY,
                "",
                limits.maxLossProbability(),
                measures.lossProbability(),
                lossSlack >= -1e-12,
                lossSlack,
                lossSlack >= -1e-12 && lossSlack < perScenario - 1e-12,
                limits.maxLossProbability() != requested.maxLossProbability()));
        rows.add(upper(
                ConstraintKind.CVAR,
                "",
                limits.cvarLimit(),
                measures.cvar(),
                limits.cvarLimit() != requested.cvarLimit()));
        double winners = 0;
        for (int b = 0; b < weights.length; b++) {
            winners += weights[b] * request.winnersPerWeight(b);
        }
        rows.add(lower(
                ConstraintKind.EXPECTED_WINNERS,
                "",
                limits.minExpectedWinners(),
                winners,
                limits.minExpectedWinners() != requested.minExpectedWinners()));
        return List.copyOf(rows);
    }

    private static ConstraintCheck equality(ConstraintKind kind, String subject, double required, double achieved) {
        double slack = -Math.abs(achieved - required);
        return new ConstraintCheck(kind, subject, required, achieved, slack >= -TOLERANCE, slack, true, false);
    }

    private static ConstraintCheck upper(
            ConstraintKind kind, String subject, double required, double achieved, boolean relaxed) {
        double slack = required - achieved;
        return new ConstraintCheck(
                kind, subject, required, achieved, slack >= -TOLERANCE, slack, Math.abs(slack) <= TOLERANCE, relaxed);
    }

    private static ConstraintCheck lower(
            ConstraintKind kind, String subject, double required, double achieved, boolean relaxed) {
        double slack = achieved - required;
        return new ConstraintCheck(
                kind, subject, required, achieved, slack >= -TOLERANCE, slack, Math.abs(slack) <= TOLERANCE, relaxed);
    }
}
