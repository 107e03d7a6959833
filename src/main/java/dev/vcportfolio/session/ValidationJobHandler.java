package dev.vcportfolio.session;

import dev.vcportfolio.core.economics.FundEconomics;
import dev.vcportfolio.core.economics.FundTerms;
import dev.vcportfolio.core.model.CashflowMatrix;
import dev.vcportfolio.core.optimize.OptimizationRequest;
import dev.vcportfolio.core.validate.GreedyBaseline;
import dev.vcportfolio.core.validate.OutOfSample;
import dev.vcportfolio.matrix.FundFlows;
import dev.vcportfolio.matrix.MatrixService;
import dev.vcportfolio.matrix.OptimizationInput;
import dev.vcportfolio.matrix.ValidationSample;
import dev.vcportfolio.matrix.ValidationScenarios;
import dev.vcportfolio.optimize.AllocationRow;
import dev.vcportfolio.optimize.FundMetricsView;
import dev.vcportfolio.optimize.FundTermsRequest;
import dev.vcportfolio.optimize.LimitsRules;
import dev.vcportfolio.optimize.OptimizationInputs;
import dev.vcportfolio.outbox.ClaimedJob;
import dev.vcportfolio.outbox.JobEffect;
import dev.vcportfolio.outbox.JobHandler;
import dev.vcportfolio.outbox.JobType;
import dev.vcportfolio.platform.executor.ComputePool;
import dev.vcportfolio.platform.json.JsonColumns;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs a {@code validation} job (DESIGN 9): re-measures the stored allocation on fresh scenarios, measures the greedy
 * baseline on the optimizer's own scenarios, and completes the session with both. A session no longer VALIDATING is a
 * success with nothing to do.
 */
@ApplicationScoped
class ValidationJobHandler implements JobHandler {

    private static final Logger LOG = Logger.getLogger(ValidationJobHandler.class);

    private final SessionRepository repository;
    private final SessionResults results;
    private final MatrixService matrices;
    private final ValidationScenarios scenarios;
    private final ComputePool compute;
    private final JsonColumns json;

    ValidationJobHandler(
            SessionRepository repository,
            SessionResults results,
            MatrixService matrices,
            ValidationScenarios scenarios,
            ComputePool compute,
            JsonColumns json) {
        this.repository = repository;
        this.results = results;
        this.matrices = matrices;
        this.scenarios = scenarios;
        this.compute = compute;
        this.json = json;
    }

    @Override
    public JobType type() {
        return JobType.VALIDATION;
    }

    @Override
    public Uni<JobEffect> run(ClaimedJob job) {
        UUID id = SessionJobs.sessionId(job);
        return repository.find(id).chain(found -> {
            if (found.isEmpty() || found.get().status() != SessionStatus.VALIDATING) {
                LOG.infof("Session %s is %s; nothing to validate", id, found.map(SessionRow::status));
                return Uni.createFrom().item(JobEffect.NONE);
            }
            SessionRow row = found.get();
            SessionConfig config = results.config(row);
            var limits = LimitsRules.toLimits(results.solver(row).appliedLimits(), "appliedLimits", Optional.empty());
            return matrices.optimizationInput(config.matrixKey()).chain(input -> {
                double[] weights = weights(input, results.allocation(row));
                return scenarios
                        .draw(input, config.validationScenarios())
                        .chain(sample -> inSampleFlows(config, sample).chain(flows -> {
                            OptimizationRequest inSample = OptimizationInputs.request(
                                    input,
                                    SessionRules.investableCapital(
                                            config, sample.fund().map(FundFlows::timeline)),
                                    limits,
                                    LimitsRules.toDeals(config.constraints(), "constraints"));
                            return Uni.createFrom()
                                    .item(() -> validate(config, input, inSample, sample, flows, weights))
                                    .runSubscriptionOn(compute.executor());
                        }))
                        .map(validated -> (JobEffect) transaction -> repository
                                .complete(
                                        transaction,
                                        id,
                                        json.object(validated.view()),
                                        validated.inSample().map(json::object).orElse(null))
                                .replaceWithVoid());
            });
        });
    }

    /** The matrix's own cash flows when the fresh scenarios have them too (a round-by-round generation). */
    private Uni<Optional<CashflowMatrix>> inSampleFlows(SessionConfig config, ValidationSample sample) {
        return sample.fund().isPresent()
                ? matrices.cashflowMatrix(config.matrixKey())
                : Uni.createFrom().item(Optional.empty());
    }

    /** The validation, and the LP metrics on the optimizer's own scenarios when there are cash flows. */
    private record Validated(ValidationView view, Optional<FundMetricsView> inSample) {}

    @Override
    public Uni<Void> givenUp(SqlConnection transaction, ClaimedJob job, String reason) {
        return repository
                .fail(transaction, SessionJobs.sessionId(job), SessionStatus.VALIDATING, "validation failed: " + reason)
                .replaceWithVoid();
    }

    private static Validated validate(
            SessionConfig config,
            OptimizationInput input,
            OptimizationRequest inSample,
            ValidationSample sample,
            Optional<CashflowMatrix> inSampleFlows,
            double[] weights) {
        var fresh = OptimizationInputs.request(
                        sample.matrix(),
                        input.params(),
                        sample.winProbabilities(),
                        inSample.fundSize(),
                        inSample.limits())
                .withDeals(inSample.deals());
        var metrics = OutOfSample.measure(fresh, weights);
        var greedy = GreedyBaseline.of(inSample);
        FundTerms terms = FundTermsRequest.toTerms(config.fundTerms());
        Optional<FundMetricsView> outOfSample = sample.fund()
                .map(fund -> FundMetricsView.of(
                        FundEconomics.of(fund.cashflows(), weights, config.fundSize(), terms, fund.timeline())));
        Optional<FundMetricsView> ownScenarios = sample.fund()
                .flatMap(fund -> inSampleFlows.map(flows -> FundMetricsView.of(
                        FundEconomics.of(flows, weights, config.fundSize(), terms, fund.timeline()))));
        ValidationView view = new ValidationView(
                metrics.scenarios(),
                sample.method(),
                metrics.expectedMoic(),
                metrics.lossProbability(),
                metrics.cvar(),
                metrics.expectedWinners(),
                metrics.maxLossViolation(),
                metrics.cvarViolation(),
                metrics.winnerCountViolation(),
                metrics.feasible(),
                greedy.map(GreedyBaseline.Result::expectedMoic).orElse(null),
                greedy.map(GreedyBaseline.Result::feasible).orElse(false),
                outOfSample.orElse(null));
        return new Validated(view, ownScenarios);
    }

    /** The stored allocation as weights in matrix order. */
    private static double[] weights(OptimizationInput input, List<AllocationRow> allocation) {
        Map<String, Double> byKey =
                allocation.stream().collect(Collectors.toMap(AllocationRow::bucketKey, AllocationRow::weight));
        return input.matrix().bucketKeys().stream()
                .mapToDouble(key -> byKey.getOrDefault(key, 0.0))
                .toArray();
    }
}
