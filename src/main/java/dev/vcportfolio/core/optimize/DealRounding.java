package dev.vcportfolio.core.optimize;

import java.util.Optional;

/**
 * Turns an allocation the LPs found into whole deals: the best whole-deal allocation under which every scenario the
 * allocation keeps from losing still does not lose (its loss set fixed). With the flags fixed, the model is an integer
 * program in the deal counts alone, one per row, which SCIP settles in a few nodes; the node limit keeps it
 * deterministic.
 */
final class DealRounding {

    /** Nodes a rounding may take: it is a start, not a proof. */
    static final long NODES = 500;

    private DealRounding() {}

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
            model.fixLosses(answer.losing());
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
