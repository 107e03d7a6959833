package dev.vcportfolio.matrix;

import dev.vcportfolio.core.key.MatrixKey;
import dev.vcportfolio.core.model.MoicMatrix;
import dev.vcportfolio.core.scenario.GenerationControl;
import dev.vcportfolio.core.scenario.Seed;
import dev.vcportfolio.platform.executor.ComputePool;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Draws out-of-sample scenarios for a complete matrix (DESIGN 9): a generated matrix is simulated again from its stored
 * plan with a seed derived from, but independent of, its key; an uploaded one is bootstrapped. Both are deterministic,
 * so a validation can be repeated bit for bit.
 */
@ApplicationScoped
public class ValidationScenarios {

    private final GenerationRepository plans;
    private final ComputePool compute;

    ValidationScenarios(GenerationRepository plans, ComputePool compute) {
        this.plans = plans;
        this.compute = compute;
    }

    public Uni<ValidationSample> draw(OptimizationInput input, int scenarios) {
        if (!input.generated()) {
            return Uni.createFrom().item(() -> bootstrap(input, scenarios)).runSubscriptionOn(compute.executor());
        }
        return plans.plan(input.matrixKey()).chain(found -> {
            JsonObject plan = (JsonObject)
                    found.orElseThrow(() -> new IllegalStateException("matrix " + input.matrixKey() + " disappeared"))
                            .getJson("matrix_key_json");
            SimulationPlan stored = GenerationPlans.plan(new MatrixKey(input.matrixKey(), plan.encode()));
            return Uni.createFrom()
                    .item(() -> simulate(stored, input.matrixKey(), scenarios))
                    .runSubscriptionOn(compute.executor());
        });
    }

    private ValidationSample simulate(SimulationPlan stored, String key, int scenarios) {
        SimulationPlan fresh = stored.fresh(scenarios, Seed.of(digest("validation:" + key)));
        Simulation.Outcome outcome = Simulation.run(fresh, GenerationControl.of(compute.executor(), compute.threads()));
        Optional<FundFlows> fund = fresh instanceof SimulationPlan.RoundByRound rounds
                ? outcome.cashflows()
                        .map(flows -> new FundFlows(flows, rounds.spec().fund()))
                : Optional.empty();
        return new ValidationSample(
                outcome.moic(),
                outcome.params().stream().map(BucketParams::pWin).toList(),
                "fresh-simulation",
                fund);
    }

    private static ValidationSample bootstrap(OptimizationInput input, int scenarios) {
        MoicMatrix source = input.matrix();
        byte[] seed = digest("validation:" + input.matrixKey());
        var random = new SplittableRandom(java.nio.ByteBuffer.wrap(seed).getLong());
        int[] picks = new int[scenarios];
        for (int s = 0; s < scenarios; s++) {
            picks[s] = random.nextInt(source.scenarioCount());
        }
        float[] values = new float[source.bucketCount() * scenarios];
        for (int b = 0; b < source.bucketCount(); b++) {
            for (int s = 0; s < scenarios; s++) {
                values[b * scenarios + s] = source.value(b, picks[s]);
            }
        }
        return new ValidationSample(
                new MoicMatrix(source.bucketKeys(), scenarios, values),
                input.params().stream().map(BucketParams::pWin).toList(),
                "bootstrap",
                Optional.empty());
    }

    private static byte[] digest(String text) {
        return MatrixKey.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
