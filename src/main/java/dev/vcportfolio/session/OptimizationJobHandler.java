package dev.vcportfolio.session;

import dev.vcportfolio.core.optimize.Budget;
import dev.vcportfolio.core.optimize.ConstraintCheck;
import dev.vcportfolio.core.optimize.OptimizationOutcome;
import dev.vcportfolio.core.optimize.OptimizationRequest;
import dev.vcportfolio.core.optimize.OptimizationResult;
import dev.vcportfolio.core.optimize.Sensitivity;
import dev.vcportfolio.core.optimize.SolveStats;
import dev.vcportfolio.core.optimize.SolverSettings;
import dev.vcportfolio.matrix.FundFlowsSource;
import dev.vcportfolio.matrix.MatrixService;
import dev.vcportfolio.optimize.LimitsRules;
import dev.vcportfolio.optimize.OptimizationInputs;
import dev.vcportfolio.optimize.OptimizerEngine;
import dev.vcportfolio.optimize.ResultRows;
import dev.vcportfolio.optimize.SensitivityRow;
import dev.vcportfolio.outbox.ClaimedJob;
import dev.vcportfolio.outbox.JobEffect;
import dev.vcportfolio.outbox.JobHandler;
import dev.vcportfolio.outbox.JobType;
import dev.vcportfolio.outbox.OutboxRepository;
import dev.vcportfolio.platform.executor.ComputePool;
import dev.vcportfolio.platform.json.JsonColumns;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs an {@code optimization} job: solves the session's frozen request on its matrix (compute pool), and hands back
 * the effect: the allocation stored and the session moved to VALIDATING with its validation job, or the session failed
 * with the reason when no allocation exists. A session no longer OPTIMIZING is a success with nothing to do.
 */
@ApplicationScoped
class OptimizationJobHandler implements JobHandler {

    private static final Logger LOG = Logger.getLogger(OptimizationJobHandler.class);

    private final SessionRepository repository;
    private final SessionResults results;
    private final MatrixService matrices;
    private final FundFlowsSource flows;
    private final OptimizerEngine engine;
    private final OutboxRepository outbox;
    private final ComputePool compute;
    private final JsonColumns json;

    OptimizationJobHandler(
            SessionRepository repository,
            SessionResults results,
            MatrixService matrices,
            FundFlowsSource flows,
            OptimizerEngine engine,
            OutboxRepository outbox,
            ComputePool compute,
            JsonColumns json) {
        this.repository = repository;
        this.results = results;
        this.matrices = matrices;
        this.flows = flows;
        this.engine = engine;
        this.outbox = outbox;
        this.compute = compute;
        this.json = json;
    }

    @Override
    public JobType type() {
        return JobType.OPTIMIZATION;
    }

    @Override
    public Uni<JobEffect> run(ClaimedJob job) {
        UUID id = SessionJobs.sessionId(job);
        return repository.find(id).chain(found -> {
            if (found.isEmpty() || found.get().status() != SessionStatus.OPTIMIZING) {
                LOG.infof("Session %s is %s; nothing to optimize", id, found.map(SessionRow::status));
                return Uni.createFrom().item(JobEffect.NONE);
            }
            SessionConfig config = results.config(found.get());
            var limits = LimitsRules.toLimits(config.constraints(), "constraints", Optional.empty());
            var deals = LimitsRules.toDeals(config.constraints(), "constraints");
            var settings = engine.config().settings(config.epsilon());
            return flows.timeline(config.matrixKey())
                    .chain(timeline -> matrices.optimizationInput(config.matrixKey())
                            .chain(input -> Uni.createFrom()
                                    .item(() -> optimized(
                                            OptimizationInputs.request(
                                                    input,
                                                    SessionRules.investableCapital(config, timeline),
                                                    limits,
                                                    deals),
                                            settings))
                                    .runSubscriptionOn(compute.executor())))
                    .map(optimized -> effect(id, optimized));
        });
    }

    @Override
    public Uni<Void> givenUp(SqlConnection transaction, ClaimedJob job, String reason) {
        return repository
                .fail(
                        transaction,
                        SessionJobs.sessionId(job),
                        SessionStatus.OPTIMIZING,
                        "optimization failed: " + reason)
                .replaceWithVoid();
    }

    /** The answer and what each limit in force costs: one request, one budget for both. */
    private record Optimized(OptimizationOutcome outcome, List<Sensitivity.Row> sensitivity) {}

    private Optimized optimized(OptimizationRequest request, SolverSettings settings) {
        var optimizer = engine.optimizer();
        var outcome = optimizer.optimize(request, settings);
        if (!(outcome instanceof OptimizationOutcome.Solved(var result)) || !result.verified()) {
            return new Optimized(outcome, List.of());
        }
        var spent = result.budget();
        long nodes = spent.steps().stream().mapToLong(Budget.Step::nodes).sum();
        var left = Budget.start(
                InstantSource.system(),
                Duration.ofMillis(Math.max(0, spent.limitMillis() - spent.spentMillis())),
                Math.max(0, spent.nodeLimit() - nodes));
        return new Optimized(outcome, Sensitivity.of(optimizer, request, result, settings, left));
    }

    private JobEffect effect(UUID id, Optimized optimized) {
        return switch (optimized.outcome()) {
            case OptimizationOutcome.Solved solved
            when !solved.result().verified() ->
                fail(
                        id,
                        "the solver's allocation failed verification against the matrix: " + violated(solved.result()));
            case OptimizationOutcome.Solved solved -> store(id, solved.result(), optimized.sensitivity());
            case OptimizationOutcome.Infeasible infeasible -> fail(id, "infeasible: " + infeasible.reason());
            case OptimizationOutcome.Unsolved unsolved -> fail(id, "unsolved: " + unsolved.reason());
        };
    }

    private JobEffect store(UUID id, OptimizationResult result, List<Sensitivity.Row> sensitivity) {
        var stored = new SessionRepository.StoredOptimization(
                json.array(ResultRows.allocation(result.allocation())),
                json.object(metadata(result)),
                json.array(ResultRows.constraints(result.constraints())),
                json.array(ResultRows.relaxation(result.relaxation())),
                result.pass1EStar(),
                result.primaryLockEpsilon(),
                json.array(SensitivityRow.of(sensitivity)));
        return transaction -> repository
                .storeOptimization(transaction, id, stored)
                .chain(moved -> moved
                        ? outbox.enqueue(
                                        transaction,
                                        JobType.VALIDATION,
                                        id.toString(),
                                        new JsonObject().put("sessionId", id.toString()),
                                        0)
                                .replaceWithVoid()
                        : Uni.createFrom().voidItem());
    }

    private JobEffect fail(UUID id, String reason) {
        LOG.infof("Session %s failed: %s", id, reason);
        return transaction -> repository
                .fail(transaction, id, SessionStatus.OPTIMIZING, reason)
                .replaceWithVoid();
    }

    private static SolverMetadata metadata(OptimizationResult result) {
        SolveStats pass1 = result.pass1();
        return new SolverMetadata(
                pass1.status().name(),
                pass1.backend().name(),
                known(pass1.gap()),
                known(pass1.bound()),
                pass1.nodes(),
                pass1.millis(),
                result.expectedMoic(),
                solve(result.pass2()),
                result.backendRuns().stream().map(OptimizationJobHandler::solve).toList(),
                LimitsRules.normalized(result.appliedLimits(), result.deals()),
                result.verified(),
                budget(result.budget()));
    }

    private static SolverMetadata.BudgetUse budget(Budget.Use use) {
        return new SolverMetadata.BudgetUse(
                use.limitMillis(),
                use.spentMillis(),
                use.nodeLimit(),
                use.steps().stream()
                        .map(s -> new SolverMetadata.BudgetStep(s.step(), s.millis(), s.nodes()))
                        .toList());
    }

    private static SolverMetadata.Solve solve(SolveStats stats) {
        return new SolverMetadata.Solve(
                stats.backend().name(),
                stats.status().name(),
                known(stats.objective()),
                known(stats.bound()),
                known(stats.gap()),
                stats.nodes(),
                stats.millis(),
                stats.watchdogFired());
    }

    private static Double known(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String violated(OptimizationResult result) {
        return result.constraints().stream()
                .filter(c -> !c.satisfied())
                .map(ConstraintCheck::kind)
                .map(Enum::name)
                .collect(Collectors.joining(", "));
    }
}
