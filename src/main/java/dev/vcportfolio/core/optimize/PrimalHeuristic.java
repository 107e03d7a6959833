package dev.vcportfolio.core.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A feasible answer for the MILP found with linear programs only (GLOP, single-threaded, deterministic), used as the
 * MILP's incumbent and as the objective floor that {@link MoicRange#under} tightens the model with.
 *
 * <p>Once the set L of scenarios allowed to lose is fixed, the MILP is an LP: maximize E[M] with {@code M_s >= 1 +
 * margin} for every scenario outside L. The search picks L in two steps:
 *
 * <ol>
 *   <li><b>Reweighted elastic LPs.</b> Every scenario row gets an excess {@code e_s >= 0} ({@code M_s + e_s >= 1 +
 *       margin}) priced {@code mu * p_s * r_s} in the objective; after each solve {@code r_s = 1 / (e_s + delta)},
 *       the iteratively reweighted L1 scheme for counting constraints: scenarios far from 1 get cheap and are given
 *       up, scenarios close to 1 get dear and are pushed over it. Each solution's actual losers, when they fit the
 *       budget, give a loss set; a plain L1 shortfall (the earlier "shortfall descent") spreads the excess over too
 *       many scenarios to ever fit at (40, 1000).
 *   <li><b>Swap local search</b> on the best loss set: the LP's duals name the non-losing scenario whose row costs the
 *       most; it enters L and a loser that the new weights lift over 1 leaves, while E[M] improves.
 * </ol>
 *
 * <p>All choices break ties by scenario index and the LP budget is a fixed count, so the answer depends only on the
 * instance. The answer is checked against the scenarios before it is returned.
 */
final class PrimalHeuristic implements AutoCloseable {

    /** A feasible answer: weights, which distinct scenarios lose, and its E[M]. */
    record Answer(double[] weights, boolean[] losing, double expectedMoic) {

        /**
         * Weights from elsewhere (an earlier solve) as a start: null unless they meet every limit of {@code instance}
         * when checked against its scenarios. A scenario counts as losing below {@code 1 + margin/2}: a solver leaves
         * the binding ones a hair under {@code 1 + margin}, within its tolerance, with their flags at 0. Should a
         * solver still reject such a start, pass 1 falls back to it when stopped. The frontier's "below the tightest
         * limit is infeasible" test depends on the check: an unchecked start would become a false floor.
         */
        static Answer checked(Instance instance, double[] weights) {
            boolean[] losing = instance.losersWithinBudget(weights, 1 + Instance.LOSS_MARGIN / 2);
            boolean meets = losing != null
                    && instance.grid().holds(weights)
                    && AllocationCheck.report(instance, instance.limits(), weights).stream()
                            .allMatch(ConstraintCheck::satisfied);
            return meets ? new Answer(weights.clone(), losing, instance.expectedMoic(weights)) : null;
        }
    }

    private static final double[] PENALTIES = {256, 64, 16, 8, 4, 2, 1};
    private static final int REWEIGHT_ROUNDS = 8;
    private static final double DELTA = 0.05;
    private static final int SWAP_LPS = 60;
    /**
     * Entering and leaving scenarios tried per swap round, within the same {@code SWAP_LPS}. Eight rather than four
     * leaves the proof ladder fewer nodes on binding instances; sixteen spend the LPs on the scan and lose it again
     * (measured in docs/optimizer-experiments.md).
     */
    private static final int SWAP_CANDIDATES = 8;

    /**
     * What the search found, and whether the budget's deadline cut it short (then it may differ from an uncut run).
     *
     * @param optimal the answer is the first LP's own: that LP leaves the loss rows out, so it bounds every allocation,
     *     and its answer fit the loss budget (loose limits), so no MILP can do better
     */
    record Outcome(Optional<Answer> answer, boolean timedOut, boolean optimal) {}

    private final Instance instance;
    private final HeuristicLp lp;
    private boolean optimal;

    private PrimalHeuristic(Instance instance, Budget budget) {
        this.instance = instance;
        this.lp = new HeuristicLp(instance, budget);
    }

    /** Empty when no loss set fitting the budget was found (the MILP may still be feasible). */
    static Optional<Answer> find(Instance instance) {
        return find(instance, Budget.generous()).answer();
    }

    /** The search, stopped when {@code budget} expires at the latest. */
    static Outcome find(Instance instance, Budget budget) {
        if (budget.expired()) {
            return new Outcome(Optional.empty(), true, false);
        }
        Outcome found;
        try (var heuristic = new PrimalHeuristic(instance, budget)) {
            var answer = heuristic.lp.budget() < 0 ? Optional.<Answer>empty() : heuristic.search();
            found = new Outcome(answer, heuristic.lp.timedOut(), heuristic.optimal);
        }
        if (!instance.grid().whole()) {
            return found;
        }
        // Whole deals: the LPs' answer is rounded, and the LP no longer proves anything (its deals are fractions).
        var rounded = found.answer().flatMap(a -> DealRounding.round(instance, a, new Goal.MaxExpectedMoic(), budget));
        return new Outcome(rounded, found.timedOut() || budget.expired(), false);
    }

    /**
     * An allocation meeting every limit but the loss probability, with as few losing scenarios as LPs find: the
     * feasibility-first search for requests whose loss limit is near the edge, where {@link #find} (which trades
     * losses for E[M]) finds nothing. Iteratively reweighted elastic LPs whose price on shortfalls dwarfs E[M] give a
     * small loss set; then LP-guided rounding frees its losers one at a time, closest to 1 first, keeping every
     * release whose LP (the others hard) stays feasible. Empty when no allocation meets the other limits as far as the
     * LPs see, or once {@code budget} has expired. Deterministic, like {@link #find}.
     */
    static Optional<Answer> fewestLosses(Instance instance, Budget budget) {
        if (budget.expired()) {
            return Optional.empty();
        }
        Optional<Answer> found;
        try (var heuristic = new PrimalHeuristic(instance, budget)) {
            found = Optional.ofNullable(heuristic.leastLosing());
        }
        return found.flatMap(a -> DealRounding.round(instance, a, new Goal.MaxExpectedMoic(), budget));
    }

    /** Price on a shortfall in the least-loss search: E[M] (a few units) only breaks ties. */
    private static final double LEAST_LOSS_PENALTY = 1e4;

    private Answer leastLosing() {
        int count = lp.count();
        double[] reweight = new double[count];
        Arrays.fill(reweight, 1);
        Answer best = null;
        for (int round = 0; round < REWEIGHT_ROUNDS; round++) {
            double[] w = lp.solveElastic(LEAST_LOSS_PENALTY, reweight);
            if (w == null) {
                break;
            }
            best = fewer(best, lp.anyAnswer(w));
            for (int j = 0; j < count; j++) {
                reweight[j] = 1 / (lp.shortfall(j) + DELTA);
            }
        }
        return best == null ? null : released(best);
    }

    /**
     * Frees losers of {@code start} one at a time, closest to 1 first, while the LP with the rest hard is feasible. The
     * loss set only shrinks, so a scenario that could not be freed never can be later (its LP only gains rows).
     */
    private Answer released(Answer start) {
        var best = start;
        var stuck = new java.util.HashSet<Integer>();
        boolean progress = true;
        while (progress && !lp.timedOut()) {
            progress = false;
            double[] w = best.weights();
            boolean[] current = best.losing();
            for (int j : ranked(j -> current[j] && !stuck.contains(j), j -> -lp.moic(w, j))) {
                boolean[] losing = current.clone();
                losing[j] = false;
                double[] trial = lp.solveFixedWeights(losing);
                if (trial == null) {
                    stuck.add(j);
                } else {
                    var freed = lp.anyAnswer(trial);
                    if (mass(freed) < mass(best)) {
                        best = freed;
                        progress = true;
                        break; // re-rank from the new allocation
                    }
                }
            }
        }
        return best;
    }

    private int mass(Answer answer) {
        return instance.scenarios().mass(answer.losing());
    }

    /** The answer with fewer losing scenarios, then the higher E[M] (ties keep {@code a}); either may be null. */
    private Answer fewer(Answer a, Answer b) {
        if (b == null) {
            return a;
        }
        if (a == null || mass(b) < mass(a)) {
            return b;
        }
        return mass(b) == mass(a) ? better(a, b) : a;
    }

    /**
     * Pass 2 by one LP: the least deviation from equal weights with {@code E[M] >= floor} and no loss rows, when that
     * answer fits the loss budget (then it is pass 2's optimum); empty otherwise or once {@code budget} has expired.
     */
    static Optional<Answer> leastDeviation(Instance instance, double floor, Budget budget) {
        // With whole deals the LP's answer is no MILP's optimum: LossFree settles pass 2 instead.
        if (budget.expired() || instance.grid().whole()) {
            return Optional.empty();
        }
        try (var heuristic = new PrimalHeuristic(instance, budget)) {
            var lp = heuristic.lp;
            return lp.budget() < 0 ? Optional.empty() : Optional.ofNullable(lp.solveLeastDeviation(floor));
        }
    }

    /**
     * An allocation a MILP step found, improved by LPs: the best weights for its loss set (scenarios below
     * {@code 1 + margin/2} count as losing), then the swap search from there. Empty when that loss set exceeds the
     * budget (solver tolerances) or {@code budget} expired first.
     */
    static Optional<Answer> polish(Instance instance, double[] weights, Budget budget) {
        return forLossSetOf(instance, weights, budget, (heuristic, losing) -> {
                    var fixed = heuristic.lp.solveFixed(losing);
                    return fixed == null ? null : heuristic.localSearch(fixed);
                })
                .flatMap(a -> DealRounding.round(instance, a, new Goal.MaxExpectedMoic(), budget));
    }

    /**
     * Pass 2's polish: the least deviation from equal weights with {@code E[M] >= floor} for the loss set of
     * {@code weights}; empty as for {@link #polish}.
     */
    static Optional<Answer> leastDeviationFor(Instance instance, double[] weights, double floor, Budget budget) {
        return forLossSetOf(
                        instance,
                        weights,
                        budget,
                        (heuristic, losing) -> heuristic.lp.solveLeastDeviation(losing, floor))
                .flatMap(a -> DealRounding.round(instance, a, new Goal.MinDeviation(floor), budget));
    }

    /**
     * {@code solve} on the loss set of {@code weights} (scenarios below {@code 1 + margin/2} count as losing); empty
     * when that set exceeds the budget or {@code solve} finds nothing.
     */
    private static Optional<Answer> forLossSetOf(
            Instance instance,
            double[] weights,
            Budget budget,
            java.util.function.BiFunction<PrimalHeuristic, boolean[], Answer> solve) {
        var losing = instance.losersWithinBudget(weights, 1 + Instance.LOSS_MARGIN / 2);
        if (losing == null || budget.expired()) {
            return Optional.empty();
        }
        try (var heuristic = new PrimalHeuristic(instance, budget)) {
            return Optional.ofNullable(solve.apply(heuristic, losing));
        }
    }

    private Optional<Answer> search() {
        // The best allocation without loss rows bounds every other; when it already fits the budget it is optimal
        // (loose limits): one LP.
        double[] free = lp.solveElastic(0, new double[lp.count()]);
        if (free == null) {
            return Optional.empty();
        }
        var fits = lp.answer(free);
        if (fits != null) {
            optimal = true;
            return Optional.of(fits);
        }
        var best = reweighted();
        return best == null ? Optional.empty() : Optional.of(localSearch(best));
    }

    /**
     * Penalties from the most loss-averse down: the first finds a loss set if any round can, lower ones trade losses
     * for E[M]. When the most loss-averse penalty finds nothing, the search stops (the instance is likely infeasible
     * or needs the MILP), so a hopeless instance costs {@code REWEIGHT_ROUNDS} LPs pairs, not all of them.
     */
    private Answer reweighted() {
        Answer best = null;
        for (double penalty : PENALTIES) {
            var found = rounds(penalty);
            if (found == null && best == null) {
                break;
            }
            best = better(best, found);
        }
        return best;
    }

    /** Reweighting rounds at one penalty: the best loss set found (fitting or repaired), or null. */
    private Answer rounds(double penalty) {
        int count = lp.count();
        double[] reweight = new double[count];
        Arrays.fill(reweight, 1);
        Answer best = null;
        for (int round = 0; round < REWEIGHT_ROUNDS; round++) {
            double[] w = lp.solveElastic(penalty, reweight);
            if (w == null) {
                return best;
            }
            double[] shortBy = new double[count];
            for (int j = 0; j < count; j++) {
                shortBy[j] = lp.shortfall(j);
            }
            boolean[] losers = lp.losers(w);
            if (lp.mass(losers) <= lp.budget()) {
                return better(best, lp.solveFixed(losers));
            }
            // Too many losers: let the worst ones lose and ask the rest to reach 1 (often feasible when close).
            best = better(best, lp.solveFixed(worst(w)));
            for (int j = 0; j < count; j++) {
                reweight[j] = 1 / (shortBy[j] + DELTA);
            }
        }
        return best;
    }

    /** The scenarios furthest below 1 under {@code w}, as many as the budget holds. */
    private boolean[] worst(double[] w) {
        boolean[] losing = new boolean[lp.count()];
        int left = lp.budget();
        for (int j : ranked(j -> lp.moic(w, j) < 1 + Instance.LOSS_MARGIN, j -> lp.moic(w, j))) {
            int m = instance.scenarios().multiplicity()[j];
            if (m <= left) {
                losing[j] = true;
                left -= m;
            }
        }
        return losing;
    }

    /**
     * First-improvement swaps on the loss set: free budget goes to the non-losers with the largest duals; with no
     * budget left, the dearest non-loser enters and the loser closest to 1 leaves, kept only when E[M] rises.
     */
    private Answer localSearch(Answer start) {
        var best = start;
        var tried = new java.util.HashSet<Long>();
        int limit = lp.solves() + SWAP_LPS;
        while (lp.solves() < limit) {
            var next = improve(best, tried, limit);
            if (next == null) {
                break;
            }
            best = next;
        }
        return best;
    }

    private Answer improve(Answer best, java.util.Set<Long> tried, int limit) {
        boolean[] current = best.losing();
        double[] w = best.weights();
        lp.solveFixed(current); // the incumbent's LP again, for its duals
        if (lp.timedOut()) {
            return null; // the LP was not solved, so there are no duals to read
        }
        double[] dual = lp.duals(current);
        var entering = ranked(j -> !current[j] && dual[j] > 1e-9, j -> -dual[j]);
        int free = lp.budget() - lp.mass(current);
        if (free > 0) {
            boolean[] losing = current.clone();
            for (int j : entering) {
                int m = instance.scenarios().multiplicity()[j];
                if (m <= free) {
                    losing[j] = true;
                    free -= m;
                }
            }
            return improvement(best, lp.solveFixed(losing));
        }
        var leaving = ranked(j -> current[j], j -> -lp.moic(w, j));
        for (int in : entering.subList(0, Math.min(SWAP_CANDIDATES, entering.size()))) {
            for (int out : leaving.subList(0, Math.min(SWAP_CANDIDATES, leaving.size()))) {
                if (lp.solves() >= limit) {
                    return null;
                }
                var scenarios = instance.scenarios();
                if (scenarios.multiplicity()[in] > scenarios.multiplicity()[out]
                        || !tried.add((long) in * lp.count() + out)) {
                    continue;
                }
                boolean[] losing = current.clone();
                losing[in] = true;
                losing[out] = false;
                var trial = improvement(best, lp.solveFixed(losing));
                if (trial != null) {
                    return trial;
                }
            }
        }
        return null;
    }

    private static Answer improvement(Answer best, Answer trial) {
        return trial != null && trial.expectedMoic() > best.expectedMoic() + 1e-9 ? trial : null;
    }

    private List<Integer> ranked(java.util.function.IntPredicate keep, java.util.function.IntToDoubleFunction key) {
        var out = new ArrayList<Integer>();
        for (int j = 0; j < lp.count(); j++) {
            if (lp.undecided(j) && keep.test(j)) {
                out.add(j);
            }
        }
        out.sort(Comparator.<Integer>comparingDouble(key::applyAsDouble).thenComparingInt(j -> j));
        return out;
    }

    /** The answer with the higher E[M] (ties keep {@code a}); either may be null. */
    static Answer better(Answer a, Answer b) {
        if (b == null) {
            return a;
        }
        return a == null || b.expectedMoic() > a.expectedMoic() + 1e-12 ? b : a;
    }

    @Override
    public void close() {
        lp.close();
    }
}
