package dev.vcportfolio.core.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What each limit costs (DESIGN 16): for every limit in force, the request is solved again with that limit loosened by
 * a stated step and the others unchanged, and the gain in the optimum's expected multiple (pass 1's E*) is reported.
 * Every re-solve starts from the answer already found, which meets the looser limits too, so a gain is never negative
 * even when the budget ends first; it is proven when both solves proved their optimum.
 */
public final class Sensitivity {

    /** Loss probability, CVaR, cap and group bounds move by this share of the fund (or of scenarios). */
    public static final double SHARE_STEP = 0.05;

    /** The winners floor moves by one expected winner. */
    public static final double WINNERS_STEP = 1;

    /**
     * @param kind the limit loosened
     * @param subject the sector or stage for group bounds, else empty
     * @param from the limit's value in the answer
     * @param to the loosened value (bounded by the loosest value)
     * @param expectedMoic the optimum's expected multiple under the loosened limit
     * @param gain {@code expectedMoic} less the answer's optimum, never negative
     * @param proven both optima are proven to the request's gap
     */
    public record Row(
            ConstraintKind kind,
            String subject,
            double from,
            double to,
            double expectedMoic,
            double gain,
            boolean proven) {}

    private Sensitivity() {}

    /**
     * @param request the request as answered (its limits are the applied ones: after any relaxation)
     * @param answer the answer to it
     * @param budget what the re-solves may spend together; each takes an even part of what is left
     */
    public static List<Row> of(
            PortfolioOptimizer optimizer,
            OptimizationRequest request,
            OptimizationResult answer,
            SolverSettings settings,
            Budget budget) {
        var asked = request.withLimits(answer.appliedLimits());
        var moves = moves(asked.limits());
        var rows = new ArrayList<Row>();
        var strict = settings.withRelaxInfeasible(false);
        double[] known = answer.weights();
        boolean baseProven = answer.status() == SolveStatus.OPTIMAL;
        var left = budget.split(Math.max(1, moves.size()));
        for (int i = 0; i < moves.size(); i++) {
            var move = moves.get(i);
            var share = left.share(1.0 / (moves.size() - i));
            var outcome = optimizer.optimize(asked.withLimits(move.limits()), strict, share, known);
            if (outcome instanceof OptimizationOutcome.Solved(var result)) {
                double gain = Math.max(0, result.pass1EStar() - answer.pass1EStar());
                boolean proven = baseProven && result.status() == SolveStatus.OPTIMAL;
                rows.add(new Row(
                        move.kind(), move.subject(), move.from(), move.to(), answer.pass1EStar() + gain, gain, proven));
            } else {
                // The known answer meets the looser limits, so this is a budget that ended before anything ran.
                rows.add(new Row(move.kind(), move.subject(), move.from(), move.to(), answer.pass1EStar(), 0, false));
            }
        }
        return List.copyOf(rows);
    }

    /** One loosening: which limit, from what to what, and the limits with it applied. */
    record Move(ConstraintKind kind, String subject, double from, double to, RiskLimits limits) {}

    /** Every limit in force, in the constraint report's order, each loosened by its step. */
    static List<Move> moves(RiskLimits limits) {
        var moves = new ArrayList<Move>();
        if (limits.bucketMaxWeight() < 1) {
            double to = up(limits.bucketMaxWeight());
            moves.add(new Move(
                    ConstraintKind.BUCKET_CAP, "", limits.bucketMaxWeight(), to, limits.withBucketMaxWeight(to)));
        }
        new TreeMap<>(limits.sectorBounds())
                .forEach((sector, bounds) -> groupMoves(
                        moves,
                        ConstraintKind.SECTOR_MIN,
                        ConstraintKind.SECTOR_MAX,
                        sector,
                        bounds,
                        b -> limits.withSector(sector, b)));
        new TreeMap<>(limits.stageBounds())
                .forEach((stage, bounds) -> groupMoves(
                        moves,
                        ConstraintKind.STAGE_MIN,
                        ConstraintKind.STAGE_MAX,
                        stage.name(),
                        bounds,
                        b -> limits.withStage(stage, b)));
        if (limits.maxLossProbability() < 1) {
            double to = up(limits.maxLossProbability());
            moves.add(new Move(
                    ConstraintKind.LOSS_PROBABILITY,
                    "",
                    limits.maxLossProbability(),
                    to,
                    limits.withMaxLossProbability(to)));
        }
        if (limits.cvarLimit() < 1) {
            double to = up(limits.cvarLimit());
            moves.add(new Move(
                    ConstraintKind.CVAR, "", limits.cvarLimit(), to, limits.withCvar(limits.cvarConfidence(), to)));
        }
        if (limits.minExpectedWinners() > 0) {
            double to = micro(Math.max(0, limits.minExpectedWinners() - WINNERS_STEP));
            moves.add(new Move(
                    ConstraintKind.EXPECTED_WINNERS,
                    "",
                    limits.minExpectedWinners(),
                    to,
                    limits.withMinExpectedWinners(to)));
        }
        return List.copyOf(moves);
    }

    private static void groupMoves(
            List<Move> moves,
            ConstraintKind lower,
            ConstraintKind upper,
            String subject,
            GroupBounds bounds,
            java.util.function.Function<GroupBounds, RiskLimits> with) {
        if (bounds.min() > 0) {
            double to = micro(Math.max(0, bounds.min() - SHARE_STEP));
            moves.add(new Move(lower, subject, bounds.min(), to, with.apply(new GroupBounds(to, bounds.max()))));
        }
        if (bounds.max() < 1) {
            double to = up(bounds.max());
            moves.add(new Move(upper, subject, bounds.max(), to, with.apply(new GroupBounds(bounds.min(), to))));
        }
    }

    private static double up(double value) {
        return micro(Math.min(1, value + SHARE_STEP));
    }

    /** Limits are stated to a millionth, so a step lands on the value a user would type. */
    private static double micro(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
