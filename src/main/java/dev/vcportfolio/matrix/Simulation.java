package dev.vcportfolio.matrix;

import dev.vcportfolio.core.model.CashflowMatrix;
import dev.vcportfolio.core.model.MoicMatrix;
import dev.vcportfolio.core.scenario.BucketStatistics;
import dev.vcportfolio.core.scenario.GenerationControl;
import dev.vcportfolio.core.scenario.GenerationDiagnostics;
import dev.vcportfolio.core.scenario.RoundByRoundGenerator;
import dev.vcportfolio.core.scenario.RoundGenerationResult;
import dev.vcportfolio.core.scenario.RowStatistics;
import dev.vcportfolio.core.scenario.ScenarioGenerationResult;
import dev.vcportfolio.core.scenario.ScenarioGenerator;
import dev.vcportfolio.core.scenario.StrategyRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a {@link SimulationPlan} in its model and says what the service stores of it: the MOIC matrix, the cash flows
 * (round-by-round only) and one {@link BucketParams} per row. Blocks the calling thread; callers run it on the compute
 * pool.
 */
final class Simulation {

    /** A finished simulation. */
    record Outcome(
            String modelVersion,
            MoicMatrix moic,
            Optional<CashflowMatrix> cashflows,
            List<BucketParams> params,
            GenerationDiagnostics diagnostics) {}

    private static final ScenarioGenerator THREE_COMPONENT = new ScenarioGenerator();
    private static final RoundByRoundGenerator ROUND_BY_ROUND = new RoundByRoundGenerator();

    private Simulation() {}

    static Outcome run(SimulationPlan plan, GenerationControl control) {
        return switch (plan) {
            case SimulationPlan.ThreeComponent v1 -> threeComponent(v1, THREE_COMPONENT.generate(v1.spec(), control));
            case SimulationPlan.RoundByRound v2 -> roundByRound(v2, ROUND_BY_ROUND.generate(v2.spec(), control));
        };
    }

    private static Outcome threeComponent(SimulationPlan.ThreeComponent plan, ScenarioGenerationResult result) {
        List<BucketParams> params = new ArrayList<>();
        for (int b = 0; b < plan.spec().buckets().size(); b++) {
            var bucket = plan.spec().buckets().get(b);
            BucketStatistics stats = result.buckets().get(b);
            params.add(new BucketParams(
                    bucket.key(),
                    bucket.bucket().sector(),
                    bucket.bucket().stage(),
                    bucket.bucket().initialCheck(),
                    bucket.bucket().reserveRatio(),
                    bucket.bucket().allInCost(),
                    stats.pWin(),
                    "simulated",
                    bucket.dealsPerBucket(),
                    stats.meanMoic(),
                    stats.zeroShare(),
                    null));
        }
        return new Outcome(result.modelVersion(), result.matrix(), Optional.empty(), params, result.diagnostics());
    }

    private static Outcome roundByRound(SimulationPlan.RoundByRound plan, RoundGenerationResult result) {
        List<BucketParams> params = new ArrayList<>();
        MoicMatrix moic = result.moic();
        for (int r = 0; r < plan.spec().rows().size(); r++) {
            StrategyRow row = plan.spec().rows().get(r);
            RowStatistics stats = result.rows().get(r);
            long zeros = 0;
            for (int s = 0; s < moic.scenarioCount(); s++) {
                zeros += moic.value(r, s) == 0 ? 1 : 0;
            }
            params.add(new BucketParams(
                    row.key(),
                    row.bucket().sector(),
                    row.bucket().stage(),
                    row.bucket().initialCheck(),
                    row.bucket().reserveRatio(),
                    row.bucket().allInCost(),
                    stats.pWin(),
                    "simulated",
                    row.deals(),
                    stats.meanMoic(),
                    (double) zeros / moic.scenarioCount(),
                    new BucketParams.RoundByRound(
                            row.option().isEmpty() ? null : row.option(),
                            stats.reserveDeployment(),
                            stats.meanYearsToExit(),
                            stats.meanOwnershipAtExit(),
                            stats.exitShare(),
                            stats.privateShare())));
        }
        return new Outcome(result.modelVersion(), moic, Optional.of(result.cashflows()), params, result.diagnostics());
    }
}
