package dev.vcportfolio.core.optimize;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The optimizer of DESIGN 8: pass 1 maximizes E[M] under the limits; pass 2 keeps {@code E[M] >= E* - epsilon} and
 * minimizes {@code sum_b |w_b - 1/B|}, hinted with pass 1's answer, so ties between equally good allocations break
 * the same way every time. An infeasible request is relaxed (when allowed) before pass 1 is repeated. Every answer is
 * checked against the matrix independently of the solver.
 *
 * <p>Thread use: with more than one backend configured, all but the last run on {@code executor}, one thread each.
 */
public final class PortfolioOptimizer {

    /**
     * Pass 1's part of what is left of the budget; pass 2, a tie-break among allocations pass 1 already reached, gets
     * the rest (and all of what pass 1 leaves unspent).
     */
    static final double PASS1_SHARE = 0.9;

    /** Pass 2 starts only with at least this many percent of the limit left. */
    static final int PASS2_LEAST = 5;

    /** Pass 1's MILP part when no allocation is known: the rest is left for relaxing to what can be found. */
    static final double NO_START_SHARE = 0.5;

    /** The loss-free program's part of what is left, with whole deals: the rest is for the search when it binds. */
    static final double LOSS_FREE_SHARE = 0.5;

    private final BackendRace race;
    private final InstantSource clock;

    /** @param executor runs the extra backends side by side; needs {@code backends - 1} free threads */
    public PortfolioOptimizer(Executor executor) {
        this(executor, InstantSource.system());
    }

    /** @param clock the budget's clock: every deadline and every reported time is read from it */
    public PortfolioOptimizer(Executor executor, InstantSource clock) {
        this.race = new BackendRace(executor);
        this.clock = clock;
    }

    /** The request under a budget of its own, from the settings' time and node limits. */
    public OptimizationOutcome optimize(OptimizationRequest request, SolverSettings settings) {
        return optimize(request, settings, settings.budget(clock), null);
    }

    /**
     * @param budget what relaxation and both passes may spend together (its steps are logged in the result)
     * @param known weights known to meet every limit of the request (an earlier solve's), or null: pass 1 starts from
     *     them when its heuristic finds nothing better, which matters where limits are so tight that neither the
     *     heuristic nor the solver in its time finds an allocation (ignored unless they pass the check)
     */
    public OptimizationOutcome optimize(
            OptimizationRequest request, SolverSettings settings, Budget budget, double[] known) {
        var obvious = ObviousInfeasibility.find(request);
        if (obvious.isPresent() && !settings.relaxInfeasible()) {
            return new OptimizationOutcome.Infeasible(obvious.get(), List.of());
        }
        var requested = Instance.of(request, settings.options().mergeScenarios());
        var instance = requested;
        var steps = List.<RelaxationStep>of();
        var runs = new ArrayList<SolveStats>();
        var start = known == null ? null : PrimalHeuristic.Answer.checked(instance, known);
        MilpAnswer pass1 = null;
        if (obvious.isEmpty()) {
            var from = budget.now();
            pass1 = solve(
                    instance,
                    new Goal.MaxExpectedMoic(),
                    settings,
                    start,
                    runs,
                    budget.share(PASS1_SHARE),
                    settings.relaxInfeasible());
            budget = budget.record("pass 1", from, pass1.stats().nodes());
        }
        // Relaxed when proven infeasible, and (always an answer) when the budget ended before any allocation was found.
        if (pass1 == null
                || pass1.stats().status() == SolveStatus.INFEASIBLE
                || (pass1.stats().status() == SolveStatus.NO_ANSWER_LIMIT_REACHED && settings.relaxInfeasible())) {
            if (!settings.relaxInfeasible()) {
                return new OptimizationOutcome.Infeasible(
                        "no allocation meets every limit (proven by "
                                + pass1.stats().backend() + ")",
                        List.of());
            }
            var relaxed = new Relaxation(race, settings).relax(requested, budget);
            if (relaxed.isEmpty()) {
                return new OptimizationOutcome.Infeasible("no allocation meets even the loosest limits", List.of());
            }
            steps = relaxed.get().steps();
            budget = relaxed.get().budget();
            instance = requested.withLimits(relaxed.get().limits());
            var from = budget.now();
            pass1 = solve(
                    instance,
                    new Goal.MaxExpectedMoic(),
                    settings,
                    relaxed.get().allocation(),
                    runs,
                    budget.share(PASS1_SHARE),
                    false);
            budget = budget.record("pass 1, relaxed limits", from, pass1.stats().nodes());
        }
        if (!pass1.stats().status().hasAnswer()) {
            return new OptimizationOutcome.Unsolved(
                    "every backend stopped at a limit before finding an allocation", pass1.stats());
        }
        double eStar = pass1.stats().objective();
        var lock = new Goal.MinDeviation(eStar - settings.primaryLockEpsilon());
        var hint = new PrimalHeuristic.Answer(pass1.weights(), pass1.losing(), eStar);
        var from = budget.now();
        MilpAnswer pass2;
        if (budget.exhausted()
                || budget.remaining()
                                .compareTo(
                                        budget.limit().multipliedBy(PASS2_LEAST).dividedBy(100))
                        < 0) {
            // Too little left for the tie-break (building its models cannot be interrupted): pass 1's answer stands.
            pass2 = MilpAnswer.none(Backend.GLOP, SolveStatus.NO_ANSWER_LIMIT_REACHED, 0, 0, budget.expired());
            runs.add(pass2.stats());
        } else {
            var byLp = leastDeviationByLp(instance, lock, settings, budget);
            if (byLp.isPresent()) {
                pass2 = byLp.get();
                runs.add(pass2.stats());
            } else {
                var raced = race.run(instance, lock, settings, settings.relativeGap(), hint, budget);
                raced.all().forEach(a -> runs.add(a.stats()));
                pass2 = raced.chosen();
            }
        }
        budget = budget.record("pass 2", from, pass2.stats().nodes());
        var chosen = pass2.stats().status().hasAnswer() ? pass2 : pass1;
        return new OptimizationOutcome.Solved(result(
                instance, requested, chosen.weights(), eStar, settings, pass1, pass2, runs, steps, budget.use()));
    }

    /**
     * Pass 2 without a MILP when the loss limit does not bind there: the LP without loss rows is a relaxation of pass
     * 2, so its answer, when it fits the budget, is pass 2's optimum (0 nodes).
     */
    private static Optional<MilpAnswer> leastDeviationByLp(
            Instance instance, Goal.MinDeviation lock, SolverSettings settings, Budget budget) {
        if (!settings.options().warmStart()) {
            return Optional.empty();
        }
        if (instance.grid().whole()) {
            return LossFree.solve(
                    instance, lock, settings.options(), settings.relativeGap(), budget.share(LOSS_FREE_SHARE));
        }
        var started = budget.now();
        return PrimalHeuristic.leastDeviation(instance, lock.floor(), budget).map(found -> {
            long millis = budget.millisSince(started);
            return MilpAnswer.provenByLp(found.weights(), found.losing(), LeastDeviation.of(found.weights()), millis);
        });
    }

    /**
     * Pass 1: the LP heuristic, then (unless it proved its answer) the MILP started from the better of its answer and
     * {@code known}, both under {@code budget}.
     *
     * @param known an allocation known to meet the instance's limits (a relaxation's last answer), or null; after a
     *     relaxation the limits can be so tight that the heuristic finds nothing and the solver nothing in time
     * @param leaveForRelaxation with no allocation known, the MILP takes only {@link #NO_START_SHARE} of the budget, so
     *     a relaxation to what can be found still has time
     */
    private MilpAnswer solve(
            Instance instance,
            Goal goal,
            SolverSettings settings,
            PrimalHeuristic.Answer known,
            List<SolveStats> runs,
            Budget budget,
            boolean leaveForRelaxation) {
        var start = known;
        var started = budget.now();
        if (settings.options().warmStart() && instance.grid().whole()) {
            // Whole deals: the LP below proves nothing, so loose limits are settled by the deal counts' own program.
            var loose = LossFree.solve(
                    instance, goal, settings.options(), settings.relativeGap(), budget.share(LOSS_FREE_SHARE));
            if (loose.isPresent()) {
                runs.add(loose.get().stats());
                return loose.get();
            }
        }
        if (settings.options().warmStart()) {
            var found = PrimalHeuristic.find(instance, budget);
            start = PrimalHeuristic.better(known, found.answer().orElse(null));
            if (found.timedOut()) {
                var cut = cutShort(start, budget.millisSince(started));
                runs.add(cut.stats());
                return cut;
            }
            if (found.optimal()) {
                // Loose loss limits: the LP without loss rows already met them, so no MILP is needed (0 nodes).
                var proven = found.answer().orElseThrow();
                long millis = budget.millisSince(started);
                var answer = MilpAnswer.provenByLp(proven.weights(), proven.losing(), proven.expectedMoic(), millis);
                runs.add(answer.stats());
                return answer;
            }
            if (start == null) {
                // Feasibility first: near the edge of the loss limit the search above, which trades losses for E[M],
                // can miss every allocation that the fewest losses the LPs reach still fit.
                start = PrimalHeuristic.fewestLosses(instance, budget)
                        .map(fewest -> PrimalHeuristic.Answer.checked(instance, fewest.weights()))
                        .orElse(null);
            }
        }
        if (budget.expired()) {
            var cut = cutShort(start, budget.millisSince(started));
            runs.add(cut.stats());
            return cut;
        }
        // With no allocation known the MILP may find none in time either: it leaves the relaxation half of the rest.
        var solving = start == null && leaveForRelaxation ? budget.share(NO_START_SHARE) : budget;
        var outcome = race.run(instance, goal, settings, settings.relativeGap(), start, solving);
        outcome.all().forEach(a -> runs.add(a.stats()));
        return outcome.chosen();
    }

    /** The deadline passed during the heuristic: its answer, if any, as "limit reached" with no proven bound. */
    private static MilpAnswer cutShort(PrimalHeuristic.Answer found, long millis) {
        var backend = Backend.GLOP;
        return found == null
                ? MilpAnswer.none(backend, SolveStatus.NO_ANSWER_LIMIT_REACHED, 0, millis, true)
                : MilpAnswer.ofHeuristic(found, backend, SolveStatus.LIMIT_REACHED, Double.NaN, 0, millis, true);
    }

    private static OptimizationResult result(
            Instance applied,
            Instance requested,
            double[] raw,
            double eStar,
            SolverSettings settings,
            MilpAnswer pass1,
            MilpAnswer pass2,
            List<SolveStats> runs,
            List<RelaxationStep> steps,
            Budget.Use spending) {
        var request = applied.request();
        var grid = applied.grid();
        // Solvers return tiny negative zeros; a weight is a share, so clamp those (whole deals: exact counts).
        double[] weights =
                grid.snap(java.util.Arrays.stream(raw).map(w -> Math.max(0, w)).toArray());
        var allocation = new ArrayList<BucketAllocation>();
        for (int b = 0; b < raw.length; b++) {
            var spec = request.buckets().get(b);
            double dollars = weights[b] * request.fundSize();
            long deals = grid.counted(b) ? grid.deals(b, weights[b]) : Math.round(dollars / spec.allInCost());
            allocation.add(new BucketAllocation(request.matrix().bucketKeys().get(b), weights[b], dollars, deals));
        }
        var checks = AllocationCheck.report(applied, requested.limits(), weights);
        boolean verified = checks.stream().allMatch(ConstraintCheck::satisfied);
        double expected = PortfolioMeasures.of(
                        request.matrix(), weights, applied.limits().cvarConfidence())
                .expectedMoic();
        return new OptimizationResult(
                allocation,
                expected,
                eStar,
                settings.primaryLockEpsilon(),
                pass1.stats(),
                pass2.stats(),
                runs,
                applied.limits(),
                steps,
                checks,
                verified,
                spending,
                request.deals());
    }

    /** Exposed for tests and benchmarks: pass 1 alone, no relaxation, no pass 2. */
    public SolveStats solvePass1(OptimizationRequest request, SolverSettings settings) {
        var instance = Instance.of(request, settings.options().mergeScenarios());
        return solve(
                        instance,
                        new Goal.MaxExpectedMoic(),
                        settings,
                        null,
                        new ArrayList<>(),
                        settings.budget(clock),
                        false)
                .stats();
    }
}
