package dev.vcportfolio.core.optimize;

import java.util.Optional;

/**
 * Turns an allocation the LPs found into whole deals: the best whole-deal allocation in its neighbourhood, where every
 * scenario the allocation keeps well clear of losing still does not lose, and the few near the edge (and its losers)
 * are the rounding's to decide within the loss budget. With most flags fixed the model is a small integer program in
 * the deal counts, which SCIP settles in a few hundred nodes; the node limit keeps it deterministic.
 */
final class DealRounding {

    /** Nodes a rounding may take: it is a start, not a proof. */
    static final long NODES = 500;

    /**
     * A scenario whose MOIC under the answer is below {@code 1 + NEAR} may change sides when the weights move onto the
     * grid (rounding down to whole deals lowers every scenario's MOIC, by up to about the largest deal's step), so its
     * flag is left to the rounding; every other keeps its side. The loss budget still holds.
     */
    static final double NEAR = 0.15;

    private DealRounding() {}

    /** Per distinct scenario, whether its flag is left free: losing under the answer, or close to losing. */
    private static boolean[] near(Instance instance, PrimalHeuristic.Answer answer) {
        var scenarios = instance.scenarios();
        boolean[] free = new boolean[scenarios.size()];
        for (int j = 0; j < free.length; j++) {
            free[j] = answer.losing()[j] || scenarios.moic(j, answer.weights()) < 1 + NEAR;
        }
        return free;
    }

    /**
     * @param goal {@link Goal.MaxExpectedMoic} or {@link Goal.MinDeviation} (its floor kept)
     * @return the rounded allocation, checked against every limit of {@code instance} when its loss set fits; a loss set
     *     beyond the budget (the least-loss search's) is rounded as it is and returned unchecked against the loss limit
     */
    static Optional<PrimalHeuristic.Answer> round(
            Instance instance, PrimalHeuristic.Answer answer, Goal goal, Budget budget) {
        if (!instance.grid().whole()) {
            return Optional.of(answer);
        }
        if (budget.expired()) {
            return Optional.empty();
        }
        var scenarios = instance.scenarios();
        boolean fits = scenarios.mass(answer.losing()) <= instance.lossBudget();
        // A loss budget exactly the answer's own, so the model has a flag for every scenario that may be at stake.
        var at = new Instance(
                instance.request(),
                scenarios,
                instance.mean(),
                instance.winners(),
                instance.groups(),
                Math.max(instance.lossBudget(), scenarios.mass(answer.losing())),
                instance.grid());
        var options = ModelOptions.TUNED.withMixingRows(false).withObjectiveFloor(false);
        try (var model = MilpModel.build(at, options, Backend.SCIP, goal)) {
            model.fixSafe(near(instance, answer));
            var solved = MilpSolve.run(model, Backend.SCIP, budget.atMostNodes(NODES), 1e-9);
            if (!solved.stats().status().hasAnswer()) {
                return Optional.empty();
            }
            double[] w = solved.weights();
            if (fits) {
                return Optional.ofNullable(PrimalHeuristic.Answer.checked(instance, w));
            }
            boolean[] losing = new boolean[scenarios.size()];
            for (int j = 0; j < losing.length; j++) {
                losing[j] = scenarios.moic(j, w) < 1 + Instance.LOSS_MARGIN / 2;
            }
            return Optional.of(new PrimalHeuristic.Answer(w, losing, instance.expectedMoic(w)));
        }
    }
}
