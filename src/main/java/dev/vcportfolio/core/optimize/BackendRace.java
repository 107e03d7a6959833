package dev.vcportfolio.core.optimize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs one MILP on every configured backend side by side (one thread each) and keeps one answer by a fixed rule, so
 * the pick never depends on which finished first: better status, then better objective, then the backend listed first.
 */
final class BackendRace {

    private final Executor executor;

    BackendRace(Executor executor) {
        this.executor = executor;
    }

    /** Every backend's answer, in settings order, and the chosen one first. */
    record Outcome(MilpAnswer chosen, List<MilpAnswer> all) {}

    /** @param budget what this solve may spend: every backend gets its time left and its nodes */
    Outcome run(
            Instance instance,
            Goal goal,
            SolverSettings settings,
            double gap,
            PrimalHeuristic.Answer hint,
            Budget budget) {
        if (goal instanceof Goal.LeastMove move
                && move.kind() != ConstraintKind.LOSS_PROBABILITY
                && settings.options().warmStart()) {
            var byLp = LossFree.solve(instance, goal, settings.options(), gap, budget);
            if (byLp.isPresent()) {
                return new Outcome(byLp.get(), List.of(byLp.get()));
            }
        }
        var backends = settings.backends();
        var futures = new ArrayList<CompletableFuture<MilpAnswer>>();
        for (int i = 0; i < backends.size(); i++) {
            var backend = backends.get(i);
            if (i == backends.size() - 1) {
                futures.add(
                        CompletableFuture.completedFuture(solve(instance, goal, settings, gap, hint, backend, budget)));
            } else {
                futures.add(CompletableFuture.supplyAsync(
                        () -> solve(instance, goal, settings, gap, hint, backend, budget), executor));
            }
        }
        var all = futures.stream().map(CompletableFuture::join).toList();
        return new Outcome(all.stream().min(order(goal, backends)).orElseThrow(), all);
    }

    private static MilpAnswer solve(
            Instance instance,
            Goal goal,
            SolverSettings settings,
            double gap,
            PrimalHeuristic.Answer hint,
            Backend b,
            Budget budget) {
        if (b == Backend.SCIP && hint != null && settings.options().proofLadder()) {
            var ladder = switch (goal) {
                case Goal.MaxExpectedMoic() -> ProofLadder.maximize(instance, hint, settings, gap, budget);
                case Goal.MinDeviation(double lock) ->
                    ProofLadder.leastDeviation(instance, lock, hint, settings, gap, budget);
                case Goal.LeastMove(var kind, var group) -> null;
                case Goal.FewestLosses(double floor, double cap) -> null;
            };
            switch (ladder) {
                case ProofLadder.Outcome.Settled(var answer) -> {
                    return answer;
                }
                case ProofLadder.Outcome.Stalled(var best, long nodes, long millis) -> {
                    // The ladder's time is gone from the shared deadline already; its nodes are taken off here.
                    var left = budget.lessNodes(nodes);
                    return MilpAnswer.after(optimizing(instance, goal, settings, gap, best, b, left), nodes, millis);
                }
                case null -> {}
            }
        }
        return optimizing(instance, goal, settings, gap, hint, b, budget);
    }

    /** One MILP that optimizes the goal, started from {@code hint} when known. */
    private static MilpAnswer optimizing(
            Instance instance,
            Goal goal,
            SolverSettings settings,
            double gap,
            PrimalHeuristic.Answer hint,
            Backend b,
            Budget budget) {
        // Pass 1 with a heuristic answer: only better allocations are searched (a hair below it, so the answer itself
        // stays feasible for the solver); pass 2's lock row is its own floor.
        double floor = switch (goal) {
            case Goal.MaxExpectedMoic() -> hint == null ? Double.NaN : hint.expectedMoic() - FLOOR_SLACK;
            case Goal.MinDeviation(double lock) -> lock;
            case Goal.LeastMove(var kind, var group) -> Double.NaN;
            case Goal.FewestLosses(double lock, double cap) -> lock;
        };
        try (var model = MilpModel.build(instance, settings.options(), b, goal, floor)) {
            if (hint != null) {
                model.hint(hint.weights(), hint.losing());
            }
            var answer = MilpSolve.run(model, b, budget, gap);
            return goal instanceof Goal.MaxExpectedMoic && hint != null ? orHeuristic(answer, hint) : answer;
        }
    }

    /** Objective floor below the heuristic's E[M]: room for solver tolerances, far below any reported gap. */
    static final double FLOOR_SLACK = 1e-9;

    /**
     * A pass-1 solve that started from a heuristic answer never ends with less than that answer: when the solver
     * proves nothing is better (infeasible above the floor) the heuristic answer is optimal; when a limit stops it
     * without an answer the heuristic answer is reported with the solver's bound.
     */
    private static MilpAnswer orHeuristic(MilpAnswer answer, PrimalHeuristic.Answer hint) {
        var stats = answer.stats();
        double value = hint.expectedMoic();
        return switch (stats.status()) {
            case OPTIMAL, LIMIT_REACHED -> answer;
            case INFEASIBLE -> withHeuristic(stats, hint, SolveStatus.OPTIMAL, value);
            // The solver had the heuristic answer as its incumbent, so "no answer" means it rejected the hint.
            case NO_ANSWER_LIMIT_REACHED -> withHeuristic(stats, hint, SolveStatus.LIMIT_REACHED, Double.NaN);
        };
    }

    private static MilpAnswer withHeuristic(
            SolveStats stats, PrimalHeuristic.Answer hint, SolveStatus status, double bound) {
        return MilpAnswer.ofHeuristic(
                hint, stats.backend(), status, bound, stats.nodes(), stats.millis(), stats.watchdogFired());
    }

    private static Comparator<MilpAnswer> order(Goal goal, List<Backend> backends) {
        boolean maximize = maximizes(goal);
        Comparator<MilpAnswer> byStatus =
                Comparator.comparingInt(a -> a.stats().status().rank());
        Comparator<MilpAnswer> byObjective = (a, b) -> {
            if (!a.stats().status().hasAnswer() || !b.stats().status().hasAnswer()) {
                return 0;
            }
            // Objectives equal to 1e-9 relative count as a tie: backends round differently in the last bits.
            double x = a.stats().objective();
            double y = b.stats().objective();
            if (Math.abs(x - y) <= 1e-9 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)))) {
                return 0;
            }
            return maximize ? Double.compare(y, x) : Double.compare(x, y);
        };
        Comparator<MilpAnswer> byBackend =
                Comparator.comparingInt(a -> backends.indexOf(a.stats().backend()));
        return byStatus.thenComparing(byObjective).thenComparing(byBackend);
    }

    static boolean maximizes(Goal goal) {
        return switch (goal) {
            case Goal.MaxExpectedMoic() -> true;
            case Goal.MinDeviation(double floor) -> false;
            case Goal.LeastMove(var kind, var group) -> kind.isLowerBound();
            case Goal.FewestLosses(double floor, double cap) -> false;
        };
    }
}
