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

    /**
     * Each least-move solve's part of what is left of the budget: the first move may be the hard one (the loss
     * probability's is a minimum-count problem), and pass 1 and 2 still need time after the last.
     */
    static final double LEAST_MOVE_SHARE = 0.5;

    /**
     * The relaxed limits and their log, in decision order; empty when even the loosest limits fail. Every decision
     * (its heuristic witnesses and its least-move solve) is logged in the returned budget as one step.
     */
    Optional<Relaxed> relax(Instance requested, Budget budget) {
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
            var from = budget.now();
            var trial = loosest(decided, targets.subList(0, i));
            var meeting = witness(requested.withLimits(trial), budget);
            if (meeting != null) {
                known = meeting;
                budget = budget.record("relaxation " + target.label(), from, 0);
                continue; // its requested value already works (the others loosest): the least move is none
            }
            // Every earlier decision was made with this limit at its loosest, so an allocation exists there (the last
            // one found, else the heuristic's): it starts the least-move solve, which may otherwise find none in time.
            var loose = requested.withLimits(target.with(trial, loosestValue));
            var start = known != null
                    ? known
                    : target.kind() == ConstraintKind.LOSS_PROBABILITY
                            ? fewer(
                                    requested.withLimits(trial),
                                    fewestLosses(loose, budget),
                                    // meets the request's other limits as asked, so their loosest values too
                                    fewestLosses(requested.withLimits(target.with(original, loosestValue)), budget))
                            : witness(loose, budget);
            var limited = requested.withLimits(trial);
            var answer = budget.expired()
                    ? MilpAnswer.none(Backend.GLOP, SolveStatus.NO_ANSWER_LIMIT_REACHED, 0, 0, true)
                    : race.run(limited, target.goal(), settings, 1e-9, start, budget.share(LEAST_MOVE_SHARE))
                            .chosen();
            budget = budget.record(
                    "relaxation " + target.label(), from, answer.stats().nodes());
            double least;
            boolean proven = answer.stats().status() == SolveStatus.OPTIMAL;
            if (answer.stats().status().hasAnswer()) {
                // It meets the moved limit too: the move is rounded outward from the answer's own value.
                known = new PrimalHeuristic.Answer(
                        answer.weights(), answer.losing(), requested.expectedMoic(answer.weights()));
                least = target.kind() == ConstraintKind.LOSS_PROBABILITY
                        ? lossShare(limited, answer.losing())
                        : answer.stats().objective();
            } else if (start != null) {
                // The budget ran out before the solve found a move: the start's own value is one (not proven least).
                known = start;
                least = target.at(limited, start);
            } else {
                return Optional.empty();
            }
            double old = target.value(original);
            boolean lower = target.kind().isLowerBound();
            double moved = lower ? floorMicro(least) : ceilMicro(least);
            if (lower ? moved < old : moved > old) {
                decided = target.with(decided, moved);
                double bound = proven ? moved : lpBound(limited, target, budget);
                steps.add(new RelaxationStep(
                        target.kind(), target.subject(), lower ? "lowered" : "raised", old, moved, proven, bound));
            }
        }
        return Optional.of(new Relaxed(decided, List.copyOf(steps.reversed()), known, budget));
    }

    /**
     * @param limits the relaxed limits
     * @param steps the moves, in decision order
     * @param allocation an allocation known to meet {@code limits} (the last least move's answer or heuristic witness),
     *     a start for pass 1 when its own heuristic finds none; null when none is known
     * @param budget the budget after the relaxation, its decisions logged
     */
    record Relaxed(RiskLimits limits, List<RelaxationStep> steps, PrimalHeuristic.Answer allocation, Budget budget) {}

    /**
     * The LP heuristic's checked allocation for {@code instance}, or null (none found, or the heuristic is off). A
     * witness that the limits can be met: no least-move MILP (for the loss probability a hard minimum-count problem)
     * is needed for them. No witness decides nothing.
     */
    private PrimalHeuristic.Answer witness(Instance instance, Budget budget) {
        if (!settings.options().warmStart()) {
            return null;
        }
        var found = PrimalHeuristic.find(instance, budget).answer().orElse(null);
        return found != null || instance.limits().maxLossProbability() >= 1 ? found : fewestLosses(instance, budget);
    }

    /** Of two allocations (either may be null), the one with fewer losing scenarios under {@code instance}. */
    private static PrimalHeuristic.Answer fewer(Instance instance, PrimalHeuristic.Answer a, PrimalHeuristic.Answer b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        var scenarios = instance.scenarios();
        return scenarios.mass(b.losing()) < scenarios.mass(a.losing()) ? b : a;
    }

    /** The least-loss search's allocation when it meets every limit of {@code instance}, else null. */
    private PrimalHeuristic.Answer fewestLosses(Instance instance, Budget budget) {
        return settings.options().warmStart()
                ? PrimalHeuristic.fewestLosses(instance, budget)
                        .map(a -> PrimalHeuristic.Answer.checked(instance, a.weights()))
                        .orElse(null)
                : null;
    }

    /**
     * A proven bound on a least move the budget stopped: the least-move MILP's LP relaxation (GLOP), within the
     * budget's grace; NaN when that LP does not finish. For the loss probability, the scenarios that always lose are
     * added to the LP's count of flags.
     */
    private double lpBound(Instance instance, Target target, Budget budget) {
        long grace = budget.grace().toMillis();
        if (grace <= 0) {
            return Double.NaN;
        }
        try (var model = MilpModel.build(instance, settings.options(), Backend.GLOP, target.goal())) {
            // Past the deadline only the grace is left; before it, a quarter of the time left, so pass 1 keeps most.
            model.solver.setTimeLimit(
                    budget.expired() ? grace : Math.max(1, budget.remaining().toMillis() / 4));
            if (model.solver.solve() != com.google.ortools.linearsolver.MPSolver.ResultStatus.OPTIMAL) {
                return Double.NaN;
            }
            double value = model.solver.objective().value();
            if (target.kind() != ConstraintKind.LOSS_PROBABILITY) {
                return value;
            }
            var scenarios = instance.scenarios();
            double unit = settings.options().textbook() ? 1 : 1.0 / scenarios.totalScenarios();
            return value * unit + (double) scenarios.mass(model.forcedLoss) / scenarios.totalScenarios();
        }
    }

    private static double lossShare(Instance instance, boolean[] losing) {
        var scenarios = instance.scenarios();
        return (double) scenarios.mass(losing) / scenarios.totalScenarios();
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

        /** For the budget's log: the kind, and the sector or stage for group limits. */
        String label() {
            return subject.isEmpty() ? kind.name() : kind.name() + " " + subject;
        }

        /**
         * The value this limit's left-hand side takes at {@code answer} (for the loss probability, its share of losing
         * scenarios): the move that answer alone makes feasible.
         */
        double at(Instance instance, PrimalHeuristic.Answer answer) {
            if (kind == ConstraintKind.LOSS_PROBABILITY) {
                return lossShare(instance, answer.losing());
            }
            var rows = AllocationCheck.report(instance, instance.limits(), answer.weights()).stream()
                    .filter(c -> c.kind() == kind
                            && (kind == ConstraintKind.BUCKET_CAP || c.subject().equals(subject)))
                    .mapToDouble(ConstraintCheck::achieved);
            return kind == ConstraintKind.BUCKET_CAP
                    ? rows.max().orElse(0)
                    : rows.findFirst().orElse(value(instance.limits()));
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
