package dev.vcportfolio.matrix;

import dev.vcportfolio.core.codec.MatrixEncoder;
import dev.vcportfolio.core.key.MatrixKey;
import dev.vcportfolio.core.scenario.GenerationControl;
import dev.vcportfolio.outbox.ClaimedJob;
import dev.vcportfolio.outbox.JobEffect;
import dev.vcportfolio.outbox.JobHandler;
import dev.vcportfolio.outbox.JobType;
import dev.vcportfolio.platform.executor.ComputePool;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs a {@code matrix_generation} job: rebuilds the simulation from the stored key, generates and encodes it on the
 * compute pool, reports progress, and hands back the completing UPDATE (and the advance of the sessions waiting on the
 * matrix) as the job's effect. A matrix already complete is a success with nothing to do.
 */
@ApplicationScoped
class MatrixGenerationHandler implements JobHandler {

    private static final Logger LOG = Logger.getLogger(MatrixGenerationHandler.class);
    private static final int PROGRESS_STEPS = 20;

    private final GenerationRepository repository;
    private final ComputePool compute;
    private final MatrixLifecycle lifecycle;

    MatrixGenerationHandler(GenerationRepository repository, ComputePool compute, MatrixLifecycle lifecycle) {
        this.repository = repository;
        this.compute = compute;
        this.lifecycle = lifecycle;
    }

    @Override
    public JobType type() {
        return JobType.MATRIX_GENERATION;
    }

    @Override
    public Uni<JobEffect> run(ClaimedJob job) {
        String key = job.payload().getString("matrixKey", "");
        return repository.plan(key).chain(found -> {
            if (found.isEmpty() || !"generating".equals(found.get().getString("status"))) {
                LOG.infof(
                        "Matrix %s is %s; nothing to generate",
                        key, found.map(row -> row.getString("status")).orElse("unknown"));
                return Uni.createFrom().item(JobEffect.NONE);
            }
            JsonObject plan = (JsonObject) found.get().getJson("matrix_key_json");
            MatrixKey matrixKey = new MatrixKey(key, plan.encode());
            return Uni.createFrom()
                    .item(() -> generate(matrixKey))
                    .runSubscriptionOn(compute.executor())
                    .map(matrix -> (JobEffect) transaction -> repository
                            .complete(transaction, matrix)
                            .chain(() -> lifecycle.completed(transaction, key)));
        });
    }

    @Override
    public Uni<Void> givenUp(SqlConnection transaction, ClaimedJob job, String reason) {
        String key = job.payload().getString("matrixKey", "");
        String why = "generation failed: " + reason;
        return repository.fail(transaction, key, why).chain(() -> lifecycle.failed(transaction, key, why));
    }

    private NewMatrix generate(MatrixKey key) {
        // jsonb may reorder keys and respell numbers; the plan is read as values, so the simulation does not change
        SimulationPlan plan = GenerationPlans.plan(key);
        AtomicInteger reported = new AtomicInteger();
        GenerationControl control = GenerationControl.of(compute.executor(), compute.threads())
                .withProgress(fraction -> {
                    int step = (int) (fraction * PROGRESS_STEPS);
                    if (step > reported.getAndAccumulate(step, Math::max) && fraction < 1) {
                        repository.progress(key.hex(), fraction).subscribe().with(n -> {}, failure -> {});
                    }
                });
        Simulation.Outcome outcome = Simulation.run(plan, control);
        return new NewMatrix(
                key,
                Optional.empty(),
                "moic",
                outcome.modelVersion(),
                Optional.of(plan.calibrationVersion()),
                outcome.moic().bucketKeys(),
                outcome.moic().scenarioCount(),
                MatrixEncoder.encode(outcome.moic().values()),
                outcome.params(),
                regimeCounts(outcome.diagnostics().regimeScenarios()),
                outcome.cashflows()
                        .map(flows ->
                                new NewMatrix.Cashflows(MatrixEncoder.encode(flows.values()), flows.yearCount())));
    }

    private static List<Map<String, Object>> regimeCounts(Map<String, Long> scenarios) {
        List<Map<String, Object>> counts = new ArrayList<>();
        scenarios.forEach((regime, count) -> counts.add(Map.of("regime", regime, "scenarios", count)));
        return counts;
    }
}
