package dev.vcportfolio.core.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The expected-MOIC / CVaR frontier of one request: the CVaR limits at which it is feasible, and a rule that makes a
 * set of solved points monotone. The points themselves are ordinary optimizations (with relaxation off), so a caller can
 * solve them in parallel.
 */
public final class EfficientFrontier {

    /**
     * CVaR limits between which the request (its other limits unchanged) is feasible and CVaR matters.
     *
     * @param tightest the least CVaR any feasible allocation reaches (rounded up to 1e-6)
     * @param loosest the CVaR of the optimum without a CVaR limit: looser limits change nothing
     * @param leastCvarWeights the allocation behind {@code tightest}: it meets every limit from there up, so each
     *     point's solve starts from it
     */
    public record CvarRange(double tightest, double loosest, double[] leastCvarWeights) {

        // A record compares arrays by identity and hands out its own: copy in and out, compare by value.
        public CvarRange {
            leastCvarWeights = leastCvarWeights.clone();
        }

        @Override
        public double[] leastCvarWeights() {
            return leastCvarWeights.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CvarRange(var t, var l, var w)
                    && Double.compare(t, tightest) == 0
                    && Double.compare(l, loosest) == 0
                    && Arrays.equals(w, leastCvarWeights);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Double.hashCode(tightest) + Double.hashCode(loosest)) + Arrays.hashCode(leastCvarWeights);
        }

        @Override
        public String toString() {
            return "CvarRange[tightest=" + tightest + ", loosest=" + loosest + ", leastCvarWeights="
                    + Arrays.toString(leastCvarWeights) + "]";
        }

        /** {@code count} limits from tightest to loosest, evenly spaced; one point when the range is empty. */
        public List<Double> limits(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("count must be >= 1: " + count);
            }
            if (count == 1 || loosest <= tightest) {
                return List.of(Math.max(tightest, loosest));
            }
            var limits = new ArrayList<Double>();
            for (int i = 0; i < count; i++) {
                limits.add(i == count - 1 ? loosest : tightest + (loosest - tightest) * i / (count - 1));
            }
            return limits;
        }
    }

    /** One frontier point: the limit asked, and the allocation kept for it. */
    public record Point(double cvarLimit, OptimizationResult result) {}

    private final PortfolioOptimizer optimizer;
    private final BackendRace race;

    public EfficientFrontier(Executor executor) {
        this(executor, java.time.InstantSource.system());
    }

    /** @param clock the clock of the optimizations the frontier runs */
    public EfficientFrontier(Executor executor, java.time.InstantSource clock) {
        this.optimizer = new PortfolioOptimizer(executor, clock);
        this.race = new BackendRace(executor);
    }

    /**
     * Empty when the request is infeasible even without a CVaR limit (or no backend found an answer).
     *
     * @param budget what finding the range may spend: the optimum without a CVaR limit gets half of it, the least CVaR
     *     the rest
     */
    public Optional<CvarRange> range(OptimizationRequest request, SolverSettings settings, Budget budget) {
        var free = request.withLimits(request.limits().withCvar(request.limits().cvarConfidence(), 1));
        var unconstrained = optimizer.optimize(free, settings.withRelaxInfeasible(false), budget.share(0.5), null);
        if (!(unconstrained instanceof OptimizationOutcome.Solved solved)) {
            return Optional.empty();
        }
        // The unconstrained optimum meets every other limit: a start, so a stopped solve still has an answer.
        var instance = Instance.of(free, settings.options().mergeScenarios());
        var start = PrimalHeuristic.Answer.checked(instance, solved.result().weights());
        var spent = solved.result().budget().nodes();
        var least = race.run(
                        instance,
                        new Goal.LeastMove(ConstraintKind.CVAR, ""),
                        settings,
                        1e-9,
                        start,
                        budget.lessNodes(spent))
                .chosen();
        if (!least.stats().status().hasAnswer()) {
            return Optional.empty();
        }
        double tightest = Math.min(1, Math.ceil(least.stats().objective() * 1e6 - 1e-3) / 1e6);
        double loosest = PortfolioMeasures.of(
                        request.matrix(),
                        solved.result().weights(),
                        request.limits().cvarConfidence())
                .cvar();
        return Optional.of(new CvarRange(tightest, Math.max(tightest, loosest), least.weights()));
    }

    /**
     * The optimum at one CVaR limit, relaxation off, started from the range's least-CVaR allocation (which meets every
     * limit from the tightest up; below it, it is checked and left out).
     *
     * @param budget this point's part of the frontier's budget (points solved side by side share its deadline and
     *     split its nodes: {@link Budget#split})
     */
    public OptimizationOutcome solve(
            OptimizationRequest request, CvarRange range, double cvarLimit, SolverSettings settings, Budget budget) {
        var limited =
                request.withLimits(request.limits().withCvar(request.limits().cvarConfidence(), cvarLimit));
        return optimizer.optimize(limited, settings.withRelaxInfeasible(false), budget, range.leastCvarWeights());
    }

    /**
     * Makes solved points monotone: an allocation feasible at a tighter limit is feasible at every looser one, so each
     * limit keeps the best answer (highest E[M], then lowest CVaR) among all answers whose CVaR fits under it. Solver
     * gaps can otherwise leave a looser point a hair below a tighter one. Points come back sorted by limit.
     */
    public static List<Point> monotone(List<Point> points) {
        var sorted = points.stream()
                .sorted(Comparator.comparingDouble(Point::cvarLimit))
                .toList();
        var kept = new ArrayList<Point>();
        for (var point : sorted) {
            Point best = null;
            for (var candidate : sorted) {
                if (cvar(candidate) <= point.cvarLimit() + AllocationCheck.TOLERANCE
                        && (best == null || better(candidate, best))) {
                    best = candidate;
                }
            }
            kept.add(new Point(point.cvarLimit(), (best == null ? point : best).result()));
        }
        return kept;
    }

    private static boolean better(Point candidate, Point best) {
        double e = candidate.result().expectedMoic();
        double bestE = best.result().expectedMoic();
        return e > bestE || (e == bestE && cvar(candidate) < cvar(best));
    }

    private static double cvar(Point point) {
        return point.result().constraints().stream()
                .filter(c -> c.kind() == ConstraintKind.CVAR)
                .mapToDouble(ConstraintCheck::achieved)
                .findFirst()
                .orElse(0);
    }
}
