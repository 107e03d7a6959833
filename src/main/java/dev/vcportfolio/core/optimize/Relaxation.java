package dev.vcportfolio.core.optimize;

import dev.vcportfolio.core.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Relaxes an infeasible request lexicographically (DESIGN 8): limits are decided from the most important (loss
 * probability) to the least (expected winners). Each is moved by the least amount that is feasible while every more
 * important limit keeps its decided value and every less important one is at its loosest; that least amount is solved
 * for exactly (the limit's left-hand side becomes the objective), not searched. So the most important limits stay
 * intact whenever any relaxation of the others can help, and winners absorb the rest.
 */
final class Relaxation {

    private final BackendRace race;
    private final SolverSettings settings;

    Relaxation(BackendRace race, SolverSettings settings) {
        this.race = race;
        this.settings = settings;
    }

    /** The relaxed limits and their log, in decision order; empty when even the loosest limits fail. */
    Optional<Relaxed> relax(Instance requested) {
        var original = requested.limits();
        var decided = original;
        var steps = new ArrayList<RelaxationStep>();
        var targets = targets(requested);
        // An allocation meeting the limits decided so far with the undecided ones at their loosest (null: none known).
        PrimalHeuristic.Answer known = null;
        for (int i = targets.size() - 1; i >= 0; i--) {
            var target = targets.get(i);
            double loosestValue = target.kind().isLowerBound() ? 0 : 1;
            if (target.value(original) == loosestValue) {
                continue;
            }
            var trial = loosest(decided, targets.subList(0, i));
            var meeting = witness(requested.withLimits(trial));
            if (meeting != null) {
                known = meeting;
                continue; // its requested value already works (the others loosest): the least move is none
            }
            // Every earlier decision was made with this limit at its loosest, so an allocation exists there (the last
            // one found, else the heuristic's): it starts the least-move solve, which may otherwise find none in time.
            var start = known != null ? known : witness(requested.withLimits(target.with(trial, loosestValue)));
            var answer = race.run(requested.withLimits(trial), target.goal(), settings, 1e-9, start)
                    .chosen();
            if (!answer.stats().status().hasAnswer()) {
                return Optional.empty();
            }
            // It meets the moved limit too: the move is rounded outward from the answer's own value.
            known = new PrimalHeuristic.Answer(
                    answer.weights(), answer.losing(), requested.expectedMoic(answer.weights()));
            double old = target.value(original);
            double least = target.kind() == ConstraintKind.LOSS_PROBABILITY
                    ? lossShare(requested.withLimits(trial), answer)
                    : answer.stats().objective();
            boolean lower = target.kind().isLowerBound();
            double moved = lower ? floorMicro(least) : ceilMicro(least);
            if (lower ? moved < old : moved > old) {
                decided = target.with(decided, moved);
                boolean proven = answer.stats().status() == SolveStatus.OPTIMAL;
                steps.add(new RelaxationStep(
                        target.kind(), target.subject(), lower ? "lowered" : "raised", old, moved, proven));
            }
        }
        return Optional.of(new Relaxed(decided, List.copyOf(steps.reversed()), known));
    }

    /**
     * @param limits the relaxed limits
     * @param steps the moves, in decision order
     * @param allocation an allocation known to meet {@code limits} (the last least move's answer or heuristic witness),
     *     a start for pass 1 when its own heuristic finds none; null when none is known
     */
    record Relaxed(RiskLimits limits, List<RelaxationStep> steps, PrimalHeuristic.Answer allocation) {}

    /**
     * The LP heuristic's checked allocation for {@code instance}, or null (none found, or the heuristic is off). A
     * witness that the limits can be met: no least-move MILP (for the loss probability a hard minimum-count problem)
     * is needed for them. No witness decides nothing.
     */
    private PrimalHeuristic.Answer witness(Instance instance) {
        return settings.options().warmStart()
                ? PrimalHeuristic.find(instance, settings.watchdog()).answer().orElse(null)
                : null;
    }

    private static double lossShare(Instance instance, MilpAnswer answer) {
        var scenarios = instance.scenarios();
        return (double) scenarios.mass(answer.losing()) / scenarios.totalScenarios();
    }

    private static RiskLimits loosest(RiskLimits limits, List<Target> lessImportant) {
        var loose = limits;
        for (var target : lessImportant) {
            loose = target.with(loose, target.kind().isLowerBound() ? 0 : 1);
        }
        return loose;
    }

    private static double ceilMicro(double value) {
        return Math.min(1, Math.ceil(value * 1e6 - 1e-3) / 1e6);
    }

    private static double floorMicro(double value) {
        return Math.max(0, Math.floor(value * 1e6 + 1e-3) / 1e6);
    }

    /** Every relaxable bound, in DESIGN's order of willingness (first = most willingly relaxed). */
    private static List<Target> targets(Instance instance) {
        var targets = new ArrayList<Target>();
        for (var kind : ConstraintKind.RELAXATION_ORDER) {
            switch (kind) {
                case SECTOR_MAX, SECTOR_MIN, STAGE_MAX, STAGE_MIN -> {
                    var wanted = kind == ConstraintKind.SECTOR_MAX || kind == ConstraintKind.SECTOR_MIN
                            ? BucketGroup.Kind.SECTOR
                            : BucketGroup.Kind.STAGE;
                    for (var group : instance.groups()) {
                        if (group.kind() == wanted) {
                            targets.add(new Target(kind, group.name()));
                        }
                    }
                }
                default -> targets.add(new Target(kind, ""));
            }
        }
        return targets;
    }

    /** One relaxable bound: reads and rewrites its value in a set of limits. */
    private record Target(ConstraintKind kind, String subject) {

        Goal goal() {
            return new Goal.LeastMove(kind, subject);
        }

        double value(RiskLimits limits) {
            return switch (kind) {
                case EXPECTED_WINNERS -> limits.minExpectedWinners();
                case BUCKET_CAP -> limits.bucketMaxWeight();
                case SECTOR_MAX -> sector(limits).max();
                case SECTOR_MIN -> sector(limits).min();
                case STAGE_MAX -> stage(limits).max();
                case STAGE_MIN -> stage(limits).min();
                case CVAR -> limits.cvarLimit();
                case LOSS_PROBABILITY -> limits.maxLossProbability();
                case BUDGET -> 1;
            };
        }

        RiskLimits with(RiskLimits limits, double v) {
            return switch (kind) {
                case EXPECTED_WINNERS -> limits.withMinExpectedWinners(v);
                case BUCKET_CAP -> limits.withBucketMaxWeight(Math.max(v, 1e-6));
                case SECTOR_MAX ->
                    limits.withSector(
                            subject,
                            sector(limits).withMax(Math.max(v, sector(limits).min())));
                case SECTOR_MIN ->
                    limits.withSector(
                            subject,
                            sector(limits).withMin(Math.min(v, sector(limits).max())));
                case STAGE_MAX ->
                    limits.withStage(
                            stageKey(),
                            stage(limits).withMax(Math.max(v, stage(limits).min())));
                case STAGE_MIN ->
                    limits.withStage(
                            stageKey(),
                            stage(limits).withMin(Math.min(v, stage(limits).max())));
                case CVAR -> limits.withCvar(limits.cvarConfidence(), v);
                case LOSS_PROBABILITY -> limits.withMaxLossProbability(v);
                case BUDGET -> limits;
            };
        }

        private GroupBounds sector(RiskLimits limits) {
            return limits.sectorBounds().getOrDefault(subject, GroupBounds.FREE);
        }

        private GroupBounds stage(RiskLimits limits) {
            return limits.stageBounds().getOrDefault(stageKey(), GroupBounds.FREE);
        }

        private Stage stageKey() {
            return Stage.valueOf(subject);
        }
    }
}
