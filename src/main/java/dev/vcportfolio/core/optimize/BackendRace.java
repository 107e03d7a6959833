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

    Outcome run(Instance instance, Goal goal, SolverSettings settings, double gap, PrimalHeuristic.Answer hint) {
        var backends = settings.backends();
        var futures = new ArrayList<CompletableFuture<MilpAnswer>>();
        for (int i = 0; i < backends.size(); i++) {
            var backend = backends.get(i);
            if (i == backends.size() - 1) {
                futures.add(CompletableFuture.completedFuture(solve(instance, goal, settings, gap, hint, backend)));
            } else {
                futures.add(CompletableFuture.supplyAsync(
                        () -> solve(instance, goal, settings, gap, hint, backend), executor));
            }
        }
        var all = futures.stream().map(CompletableFuture::join).toList();
        return new Outcome(all.stream().min(order(goal, backends)).orElseThrow(), all);
    }

    private static MilpAnswer solve(
            Instance instance, Goal goal, SolverSettings settings, double gap, PrimalHeuristic.Answer hint, Backend b) {
        try (var model = MilpModel.build(instance, settings.options(), b, goal)) {
            if (hint != null) {
                model.hint(hint.weights(), hint.losing());
            }
            return MilpSolve.run(model, b, settings, gap);
        }
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
        };
    }
}
