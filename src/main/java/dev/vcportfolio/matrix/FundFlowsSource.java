package dev.vcportfolio.matrix;

import dev.vcportfolio.core.key.MatrixKey;
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
        return matrices.cashflowMatrix(matrixKey).chain(flows -> {
            if (flows.isEmpty()) {
                return Uni.createFrom().item(Optional.<FundFlows>empty());
            }
            return plans.plan(matrixKey)
                    .map(row -> row.map(found -> {
                                JsonObject plan = (JsonObject) found.getJson("matrix_key_json");
                                SimulationPlan stored = GenerationPlans.plan(new MatrixKey(matrixKey, plan.encode()));
                                return stored instanceof SimulationPlan.RoundByRound rounds
                                        ? Optional.of(new FundFlows(
                                                flows.get(), rounds.spec().fund()))
                                        : Optional.<FundFlows>empty();
                            })
                            .flatMap(found -> found));
        });
    }
}
