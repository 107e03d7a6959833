package dev.vcportfolio.core.optimize;

import com.google.ortools.linearsolver.MPSolver;

/**
 * Pass 1 and pass 2 on SCIP by proofs instead of one optimizing MILP. With an allocation known, a solve only has to
 * show that nothing beats it by more than the gap, and "no allocation with {@code E[M] >= h (1 + gap)} meets the
 * limits" is a MILP with nothing to bound but a loss count ({@link Goal.FewestLosses}), whose fixings and big-Ms are
 * those of that higher floor. SCIP settles such a step with cheap nodes ({@link ProofParameters}), far faster than the
 * optimizing model closes its gap on the same instance (docs/optimizer-experiments.md). When a
 * step finds an allocation instead, the LP heuristic polishes it ({@link PrimalHeuristic#polish}) and the ladder climbs
 * from the polished one. Pass 2 is the same question with pass 1's floor fixed and the deviation from equal weights
 * capped a gap below the known one.
 *
 * <p>Every step is deterministic (first allocation found, node limits, fixed seeds) and so is every polish, so the
 * ladder is too; the budget's nodes and deadline are shared by all its steps. A ladder stopped by a limit keeps its best
 * allocation with the bound of the optimizing model's LP relaxation. When a step's allocation does not polish into
 * progress (solver tolerances) or the gap is 0, the ladder reports itself stalled and the optimizing MILP takes over.
 */
final class ProofLadder {

    /** How a ladder ended. */
    sealed interface Outcome {

        /** Proven within the gap ({@code OPTIMAL}, the last step's floor or cap as bound) or stopped by a limit. */
        record Settled(MilpAnswer answer) implements Outcome {}

        /** No progress possible by proofs: {@code best} is the start for the optimizing MILP, after this much work. */
        record Stalled(PrimalHeuristic.Answer best, long nodes, long millis) implements Outcome {}
    }

    private final Instance instance;
    private final SolverSettings settings;
    private final double gap;
    private final Rung rung;
    private final Budget budget;
    private final java.time.Instant started;
    private long nodes;
    /** The longest a step's model took to build, milliseconds (-1: none built yet); the relaxation bound's estimate. */
    private long longestBuild = -1;
    /** Whether a step's model was built: only then is {@link #longestBuild} a measure of this ladder's models. */
    private boolean stepBuilt;
    /** Scenarios whose CVaR row the steps carry (null without a CVaR limit): grown, never shrunk. */
    private boolean[] cvarRows;

    private ProofLadder(Instance instance, SolverSettings settings, double gap, Rung rung, Budget budget) {
        this.instance = instance;
        this.settings = settings;
        this.gap = gap;
        this.rung = rung;
        this.budget = budget;
        this.started = budget.now();
    }

    /** Pass 1 from a checked allocation. */
    static Outcome maximize(
            Instance instance, PrimalHeuristic.Answer start, SolverSettings settings, double gap, Budget budget) {
        return new ProofLadder(instance, settings, gap, new Highest(instance), budget).climb(start);
    }

    /** Pass 2: the least deviation with {@code E[M] >= lock}, from a checked allocation that meets the lock. */
    static Outcome leastDeviation(
            Instance instance,
            double lock,
            PrimalHeuristic.Answer start,
            SolverSettings settings,
            double gap,
            Budget budget) {
        var ladder = new ProofLadder(instance, settings, gap, new Evenest(instance, lock), budget);
        var polishing = budget.now();
        var polished = PrimalHeuristic.leastDeviationFor(instance, start.weights(), lock, budget);
        // Building the polish's LP is about as long as building a step's model: the first estimate of a build.
        ladder.longestBuild = budget.millisSince(polishing);
        return ladder.climb(polished.filter(a -> ladder.rung.value(a) < ladder.rung.value(start))
                .orElse(start));
    }

    private Outcome climb(PrimalHeuristic.Answer start) {
        var best = start;
        if (instance.cvarActive()) {
            cvarRows = new boolean[instance.scenarios().size()];
            markDeepLosses(start.weights());
        }
        while (true) {
            double value = rung.value(best);
            double target = rung.target(value, gap);
            if (rung.provenWithout(value)) {
                return settled(best, SolveStatus.OPTIMAL, value, false);
            }
            if (!(Math.abs(target - value) > STEP_RESOLUTION * Math.max(1, Math.abs(value)))) {
                return stalled(best);
            }
            var left = budget.lessNodes(nodes);
            // A step whose model would likely still be building at the deadline is not started: the build cannot be
            // interrupted.
            if (left.exhausted() || left.remaining().toMillis() <= longestBuild) {
                return settled(best, SolveStatus.LIMIT_REACHED, relaxationBound(best), left.expired());
            }
            MilpAnswer step;
            var building = budget.now();
            try (var model = MilpModel.build(
                    instance, settings.options(), Backend.SCIP, rung.question(target), Double.NaN, cvarRows, left)) {
                // Building can take seconds (the convex ranges' LPs at (60,2000) with CVaR): the solve gets what is
                // left.
                longestBuild = Math.max(longestBuild, budget.millisSince(building));
                stepBuilt = true;
                if (left.expired()) {
                    return settled(best, SolveStatus.LIMIT_REACHED, relaxationBound(best), true);
                }
                step = MilpSolve.run(model, Backend.SCIP, left, gap);
            }
            nodes += step.stats().nodes();
            switch (step.stats().status()) {
                case INFEASIBLE -> {
                    return settled(best, SolveStatus.OPTIMAL, target, false);
                }
                case NO_ANSWER_LIMIT_REACHED -> {
                    boolean watchdog = step.stats().watchdogFired();
                    return settled(best, SolveStatus.LIMIT_REACHED, relaxationBound(best), watchdog);
                }
                case OPTIMAL, LIMIT_REACHED -> {
                    if (addTailRows(step.weights())) {
                        continue; // the rows left out let a tail over the limit through: ask again with it
                    }
                    var found = PrimalHeuristic.Answer.checked(instance, step.weights());
                    var polished = rung.polish(step.weights(), budget).orElse(null);
                    var next = rung.better(found, polished);
                    // A step's allocation reaches the target up to tolerances; one that does not get us at least half
                    // way there would let the ladder crawl, so the optimizing MILP takes over.
                    if (next == null || !rung.beyond(next, value + (target - value) / 2)) {
                        return stalled(best);
                    }
                    best = next;
                    if (cvarRows != null) {
                        markDeepLosses(best.weights());
                    }
                }
            }
        }
    }

    /**
     * A step carries the CVaR rows of scenarios that lose more than this under some allocation the ladder kept; the
     * rest rarely reach the tail near it, and the model without their rows is a relaxation, and a smaller one.
     */
    private static final double DEEP_LOSS = 0.1;

    private void markDeepLosses(double[] weights) {
        var scenarios = instance.scenarios();
        for (int j = 0; j < cvarRows.length; j++) {
            cvarRows[j] |= scenarios.moic(j, weights) < 1 - DEEP_LOSS;
        }
    }

    /**
     * When {@code weights} exceed the CVaR limit (only possible through rows left out), marks its tail's scenarios and
     * says whether any was new; a tail already complete means the excess is the solver's tolerance, not a missing row.
     */
    private boolean addTailRows(double[] weights) {
        if (cvarRows == null) {
            return false;
        }
        var scenarios = instance.scenarios();
        double[] loss = new double[scenarios.size()];
        for (int j = 0; j < loss.length; j++) {
            loss[j] = Math.max(0, 1 - scenarios.moic(j, weights));
        }
        var cvar = Cvar.of(
                loss,
                scenarios.multiplicity(),
                scenarios.totalScenarios(),
                instance.limits().cvarConfidence());
        if (cvar.value() <= instance.limits().cvarLimit() + 1e-7) {
            return false;
        }
        boolean added = false;
        for (int j = 0; j < loss.length; j++) {
            if (!cvarRows[j] && loss[j] > 0 && loss[j] >= cvar.threshold()) {
                cvarRows[j] = true;
                added = true;
            }
        }
        return added;
    }

    /** Relative resolution below which a step's target is not distinguishable from the known value. */
    private static final double STEP_RESOLUTION = 1e-9;

    private long millis() {
        return budget.millisSince(started);
    }

    private Outcome settled(PrimalHeuristic.Answer best, SolveStatus status, double bound, boolean watchdog) {
        double value = rung.value(best);
        double gapReached =
                Double.isNaN(bound) ? Double.NaN : Math.abs(bound - value) / Math.max(Math.abs(value), 1e-9);
        var stats = new SolveStats(Backend.SCIP, status, value, bound, gapReached, nodes, millis(), watchdog);
        return new Outcome.Settled(new MilpAnswer(stats, best.weights(), best.losing(), value));
    }

    private Outcome stalled(PrimalHeuristic.Answer best) {
        return new Outcome.Stalled(best, nodes, millis());
    }

    /**
     * The optimizing model's LP relaxation (GLOP): a valid bound when the ladder stops before its proof. It runs after
     * the deadline may have passed (seconds on the largest instances with CVaR), so it gets the budget's grace at
     * most; an LP
     * stopped short gives no bound. Building its model cannot be interrupted, so it is not started unless the grace
     * left exceeds the longest a step's model (about the same rows) took to build; without any step built there is
     * no estimate, and no bound.
     */
    private double relaxationBound(PrimalHeuristic.Answer best) {
        if (!stepBuilt || budget.grace().toMillis() <= longestBuild) {
            return Double.NaN;
        }
        try (var model =
                MilpModel.build(instance, settings.options(), Backend.GLOP, rung.optimizing(), rung.floorFor(best))) {
            long grace = budget.grace().toMillis();
            if (grace <= 0) {
                return Double.NaN;
            }
            model.solver.setTimeLimit(grace);
            return model.solver.solve() == MPSolver.ResultStatus.OPTIMAL
                    ? model.solver.objective().value()
                    : Double.NaN;
        }
    }

    /** One pass's view of the ladder: what is climbed, what each step asks, how a found allocation is polished. */
    private sealed interface Rung {

        /** The pass's objective at an answer. */
        double value(PrimalHeuristic.Answer answer);

        /** The value a gap better than {@code value}. */
        double target(double value, double gap);

        /** The question whose infeasibility proves that nothing reaches {@code target}. */
        Goal question(double target);

        /** Whether {@code value} is optimal with no proof at all. */
        boolean provenWithout(double value);

        /** Whether {@code answer} is at least as good as {@code value}. */
        boolean beyond(PrimalHeuristic.Answer answer, double value);

        java.util.Optional<PrimalHeuristic.Answer> polish(double[] weights, Budget budget);

        /** The better of two answers, either of which may be null. */
        PrimalHeuristic.Answer better(PrimalHeuristic.Answer a, PrimalHeuristic.Answer b);

        /** The optimizing goal and the floor its model is built with, for the relaxation bound. */
        Goal optimizing();

        double floorFor(PrimalHeuristic.Answer best);
    }

    /** Pass 1: the highest E[M]. */
    private record Highest(Instance instance) implements Rung {

        @Override
        public double value(PrimalHeuristic.Answer answer) {
            return answer.expectedMoic();
        }

        @Override
        public double target(double value, double gap) {
            return value + gap * Math.max(Math.abs(value), 1e-9);
        }

        @Override
        public Goal question(double target) {
            return new Goal.FewestLosses(target, Double.POSITIVE_INFINITY);
        }

        @Override
        public boolean provenWithout(double value) {
            return false;
        }

        @Override
        public boolean beyond(PrimalHeuristic.Answer answer, double value) {
            return answer.expectedMoic() >= value;
        }

        @Override
        public java.util.Optional<PrimalHeuristic.Answer> polish(double[] weights, Budget budget) {
            return PrimalHeuristic.polish(instance, weights, budget);
        }

        @Override
        public PrimalHeuristic.Answer better(PrimalHeuristic.Answer a, PrimalHeuristic.Answer b) {
            return PrimalHeuristic.better(a, b);
        }

        @Override
        public Goal optimizing() {
            return new Goal.MaxExpectedMoic();
        }

        @Override
        public double floorFor(PrimalHeuristic.Answer best) {
            return best.expectedMoic() - BackendRace.FLOOR_SLACK;
        }
    }

    /** Pass 2: the least deviation from equal weights with {@code E[M] >= lock}. */
    private record Evenest(Instance instance, double lock) implements Rung {

        @Override
        public double value(PrimalHeuristic.Answer answer) {
            return LeastDeviation.of(answer.weights());
        }

        @Override
        public double target(double value, double gap) {
            return value - gap * Math.max(Math.abs(value), 1e-9);
        }

        @Override
        public Goal question(double target) {
            return new Goal.FewestLosses(lock, target);
        }

        @Override
        public boolean provenWithout(double value) {
            // Equal weights themselves: no deviation is smaller.
            return value <= 1e-12;
        }

        @Override
        public boolean beyond(PrimalHeuristic.Answer answer, double value) {
            return LeastDeviation.of(answer.weights()) <= value;
        }

        @Override
        public java.util.Optional<PrimalHeuristic.Answer> polish(double[] weights, Budget budget) {
            return PrimalHeuristic.leastDeviationFor(instance, weights, lock, budget);
        }

        @Override
        public PrimalHeuristic.Answer better(PrimalHeuristic.Answer a, PrimalHeuristic.Answer b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            // Ties keep the first: the allocation the step itself found.
            return value(b) < value(a) - 1e-12 ? b : a;
        }

        @Override
        public Goal optimizing() {
            return new Goal.MinDeviation(lock);
        }

        @Override
        public double floorFor(PrimalHeuristic.Answer best) {
            return lock;
        }
    }
}
