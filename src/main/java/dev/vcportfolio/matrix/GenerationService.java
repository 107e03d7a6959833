package dev.vcportfolio.matrix;

import dev.vcportfolio.calibration.CalibrationService;
import dev.vcportfolio.calibration.CalibrationView;
import dev.vcportfolio.core.error.DomainException;
import dev.vcportfolio.core.key.MatrixKey;
import dev.vcportfolio.outbox.JobType;
import dev.vcportfolio.outbox.OutboxRepository;
import dev.vcportfolio.platform.security.FundScope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a generation request into a {@code generating} matrix and its job, in one transaction, idempotently on the
 * matrix key: concurrent identical requests make one row and one job; a complete key answers at once; a failed one
 * starts again.
 */
@ApplicationScoped
public class GenerationService {

    /** What the request found or started. {@code complete} answers 200, anything else 202. */
    public record Requested(MatrixView view, boolean complete) {}

    private final Pool pool;
    private final GenerationRepository repository;
    private final OutboxRepository outbox;
    private final CalibrationService calibrations;
    private final MatrixService matrices;
    private final MatrixLimits limits;
    private final MatrixRepository matrixRepository;
    private final int maxScenarios;

    GenerationService(
            Pool pool,
            GenerationRepository repository,
            OutboxRepository outbox,
            CalibrationService calibrations,
            MatrixService matrices,
            MatrixLimits limits,
            MatrixRepository matrixRepository,
            @ConfigProperty(name = "app.generation.max-scenarios", defaultValue = "1000000") int maxScenarios) {
        this.pool = pool;
        this.repository = repository;
        this.outbox = outbox;
        this.calibrations = calibrations;
        this.matrices = matrices;
        this.limits = limits;
        this.matrixRepository = matrixRepository;
        this.maxScenarios = maxScenarios;
    }

    /** A checked request's key and the calibration version it was planned with. */
    public record Planned(MatrixKey key, String calibrationVersion, SimModel model) {}

    /** Generates for the fund the request names, or the token's first fund; a fund it does not hold is a 404. */
    public Uni<Requested> request(GenerationRequest body, FundScope scope) {
        GenerationRequest request = body.withFundId(scope.owner(body.fundId()));
        return plan(request, scope)
                .chain(planned -> pool.withTransaction(transaction -> ensure(transaction, planned, request.fundId()))
                        .replaceWith(planned.key()))
                .chain(key -> matrices.view(key.hex()))
                .map(view -> new Requested(view, "complete".equals(view.status())));
    }

    /** Checks a request and computes its matrix key; 400 naming the field when it does not make a simulation. */
    public Uni<Planned> plan(GenerationRequest request, FundScope scope) {
        GenerationRules.check(request, maxScenarios, limits.maxCells());
        String version = request.calibrationVersion() != null
                ? request.calibrationVersion()
                : defaultCalibration(request.model());
        // The request's own fund (already checked against the token): a version names that fund's snapshot or a shared
        // one, never a snapshot of another fund the token happens to hold.
        return calibrations
                .get(version, Optional.of(scope.owner(request.fundId())), scope)
                .onFailure(DomainException.NotFound.class)
                .transform(missing -> DomainException.Invalid.of("calibrationVersion", missing.getMessage()))
                .map(calibration -> new Planned(plannedKey(request, calibration), version, request.model()));
    }

    /**
     * The shipped benchmark a request without a calibration uses: industry-benchmark-v3 for the round-by-round model
     * (v2's sourced chain and dynamics, with an exit multiple of the last post-money fitted to realized deal multiples),
     * v1's for the one-period model (its stored keys stay the same).
     */
    public static String defaultCalibration(SimModel model) {
        return switch (model) {
            case round_by_round_v1 -> CalibrationView.BENCHMARK_V3_VERSION;
            case three_component_v1 -> CalibrationView.BENCHMARK_VERSION;
        };
    }

    /**
     * In the caller's transaction: makes sure the planned matrix exists and is complete or being generated (inserted
     * with its job when new, restarted when it had failed), then returns its state with the row locked FOR SHARE.
     */
    public Uni<MatrixState> ensure(SqlConnection transaction, Planned planned, UUID fundId) {
        MatrixKey key = planned.key();
        String jobKey = JobType.MATRIX_GENERATION.idempotencyKey(key.hex());
        return repository
                .insertGenerating(transaction, key, fundId, planned.calibrationVersion(), planned.model())
                .chain(created -> created
                        ? outbox.enqueue(
                                        transaction,
                                        JobType.MATRIX_GENERATION,
                                        key.hex(),
                                        new JsonObject().put("matrixKey", key.hex()),
                                        0)
                                .replaceWithVoid()
                        : repository
                                .restartFailed(transaction, key.hex())
                                .chain(restarted -> restarted
                                        ? repository
                                                .restartFailedJob(transaction, jobKey)
                                                .replaceWithVoid()
                                        : Uni.createFrom().voidItem()))
                .chain(() -> matrixRepository.lockState(transaction, key.hex()))
                .map(state -> state.orElseThrow(() -> new IllegalStateException("matrix " + key.hex() + " vanished")));
    }

    /** The key of the request's canonical plan, after checking that the plan makes a simulation. */
    private static MatrixKey plannedKey(GenerationRequest request, CalibrationView calibration) {
        try {
            MatrixKey key = MatrixKey.of(GenerationPlans.tree(request, calibration));
            GenerationPlans.plan(key);
            return key;
        } catch (IllegalArgumentException e) {
            throw DomainException.Invalid.of(field(request, e.getMessage()), e.getMessage());
        }
    }

    /** The request field a plan that makes no simulation is most likely about. */
    private static String field(GenerationRequest request, String problem) {
        if (request.regimes() != null && problem.contains("regime")) {
            return "regimes";
        }
        if (problem.contains("entryValuation")) {
            return "buckets";
        }
        return "calibrationVersion";
    }
}
