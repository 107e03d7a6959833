package dev.vcportfolio.core.optimize;

import com.google.ortools.linearsolver.MPSolver;
import java.util.Optional;

/**
 * A goal solved with the loss rows left out. That model is a relaxation of the goal's, so when its answer meets the
 * loss limit (counting every scenario below {@code 1 + margin} as a loss) it is the goal's optimum, and loose requests
 * need no search over loss sets. With continuous weights it is one LP (GLOP, no node); with whole deals, the integer
 * program in the deal counts alone (SCIP), proven to the gap asked.
 */
final class LossFree {

    private LossFree() {}

    /** The goal's optimum when the loss limit does not bind at it; empty when it does, or the budget ended first. */
    static Optional<MilpAnswer> solve(Instance instance, Goal goal, ModelOptions options, double gap, Budget budget) {
        if (budget.expired()) {
            return Optional.empty();
        }
        return instance.grid().whole()
                ? wholeDeals(instance, goal, options, gap, budget)
                : linear(instance, goal, options, budget);
    }

    private static Optional<MilpAnswer> linear(Instance instance, Goal goal, ModelOptions options, Budget budget) {
        var started = budget.now();
        try (var model = MilpModel.build(instance.withoutLossLimit(), options, Backend.GLOP, goal)) {
            var solver = model.solver;
            solver.setTimeLimit(Math.max(1, budget.remaining().toMillis()));
            if (solver.solve() != MPSolver.ResultStatus.OPTIMAL) {
                return Optional.empty();
            }
            double[] w = new double[model.weights.length];
            for (int b = 0; b < w.length; b++) {
                w[b] = model.weights[b].solutionValue();
            }
            boolean[] losing = instance.losersWithinBudget(w, 1 + Instance.LOSS_MARGIN);
            if (losing == null) {
                return Optional.empty();
            }
            double value = solver.objective().value();
            return Optional.of(MilpAnswer.provenByLp(w, losing, value, budget.millisSince(started)));
        }
    }

    private static Optional<MilpAnswer> wholeDeals(
            Instance instance, Goal goal, ModelOptions options, double gap, Budget budget) {
        try (var model = MilpModel.build(instance.withoutLossLimit(), options, Backend.SCIP, goal)) {
            var answer = MilpSolve.run(model, Backend.SCIP, budget, gap);
            if (answer.stats().status() != SolveStatus.OPTIMAL) {
                return Optional.empty();
            }
            boolean[] losing = instance.losersWithinBudget(answer.weights(), 1 + Instance.LOSS_MARGIN);
            return losing == null
                    ? Optional.empty()
                    : Optional.of(new MilpAnswer(answer.stats(), answer.weights(), losing, answer.auxiliary()));
        }
    }
}
