package dev.vcportfolio.matrix;

import dev.vcportfolio.core.key.MatrixKey;
import dev.vcportfolio.core.scenario.FundTimeline;
import dev.vcportfolio.core.scenario.RoundByRoundGenerator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A stored matrix's cash flows with the timeline of the plan that made them, for the fund economics; empty for matrices
 * without cash flows (one-period, uploaded). The caller has already checked the matrix is visible and complete.
 */
@ApplicationScoped
public class FundFlowsSource {

    private final MatrixService matrices;
    private final GenerationRepository plans;

    FundFlowsSource(MatrixService matrices, GenerationRepository plans) {
        this.matrices = matrices;
        this.plans = plans;
    }

    public Uni<Optional<FundFlows>> of(String matrixKey) {
        return matrices.cashflowMatrix(matrixKey)
                .chain(flows -> flows.isEmpty()
                        ? Uni.createFrom().item(Optional.<FundFlows>empty())
                        : timeline(matrixKey).map(timeline -> timeline.map(t -> new FundFlows(flows.get(), t))));
    }

    /** The fund timeline of a generated round-by-round matrix's plan, without its flows; empty for any other. */
    public Uni<Optional<FundTimeline>> timeline(String matrixKey) {
        return plans.plan(matrixKey)
                .map(row -> row.flatMap(found -> {
                    // uploaded and one-period matrices have other key trees, which are no round-by-round plan
                    if (!(found.getJson("matrix_key_json") instanceof JsonObject plan)
                            || !RoundByRoundGenerator.MODEL_VERSION.equals(plan.getString("simModelVersion"))) {
                        return Optional.empty();
                    }
                    return GenerationPlans.plan(new MatrixKey(matrixKey, plan.encode()))
                                    instanceof SimulationPlan.RoundByRound rounds
                            ? Optional.of(rounds.spec().fund())
                            : Optional.empty();
                }));
    }
}
