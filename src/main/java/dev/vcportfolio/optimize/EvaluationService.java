package dev.vcportfolio.optimize;

import dev.vcportfolio.core.economics.FeeSchedule;
import dev.vcportfolio.core.economics.FundEconomics;
import dev.vcportfolio.core.economics.FundTerms;
import dev.vcportfolio.core.error.DomainException;
import dev.vcportfolio.core.error.FieldViolation;
import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.optimize.BucketAllocation;
import dev.vcportfolio.core.optimize.ConstraintCheck;
import dev.vcportfolio.core.optimize.ConstraintReport;
import dev.vcportfolio.core.optimize.OptimizationRequest;
import dev.vcportfolio.core.optimize.PortfolioMeasures;
import dev.vcportfolio.matrix.FundFlows;
import dev.vcportfolio.matrix.FundFlowsSource;
import dev.vcportfolio.matrix.MatrixService;
import dev.vcportfolio.matrix.OptimizationInput;
import dev.vcportfolio.platform.executor.ComputePool;
import dev.vcportfolio.platform.security.FundScope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Measures an allocation the client brings on a stored matrix (DESIGN 10, evaluate). */
@ApplicationScoped
public class EvaluationService {

    static final double SUM_TOLERANCE = 1e-9;

    private final MatrixService matrices;
    private final FundFlowsSource flows;
    private final ComputePool compute;

    EvaluationService(MatrixService matrices, FundFlowsSource flows, ComputePool compute) {
        this.matrices = matrices;
        this.flows = flows;
        this.compute = compute;
    }

    /** Measures weights on one of the caller's funds' matrices; another fund's matrix is a 404. */
    public Uni<EvaluationView> evaluate(EvaluationRequest request, FundScope scope) {
        double sum = request.weights().values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw DomainException.Invalid.of("weights", "must sum to 1 within 1e-9, not " + sum);
        }
        return matrices.optimizationInput(request.matrixKey(), scope)
                .chain(input -> flows.of(input.matrixKey())
                        .chain(fund -> Uni.createFrom()
                                .item(() -> measure(input, fund, request))
                                .runSubscriptionOn(compute.executor())));
    }

    private static EvaluationView measure(
            OptimizationInput input, Optional<FundFlows> fund, EvaluationRequest request) {
        var keys = input.matrix().bucketKeys();
        List<FieldViolation> unknown = new ArrayList<>();
        request.weights().keySet().stream()
                .filter(key -> !keys.contains(key))
                .sorted()
                .forEach(key -> unknown.add(new FieldViolation("weights." + key, "the matrix has no bucket " + key)));
        if (!unknown.isEmpty()) {
            throw new DomainException.Invalid(
                    unknown.getFirst().field() + ": " + unknown.getFirst().message(), unknown);
        }
        var limits =
                LimitsRules.toLimits(request.constraints(), "constraints", Optional.of(BucketSpec.sectorsOf(keys)));
        FundTerms terms = FundTermsRequest.toTerms(request.fundTerms());
        double investable = fund.map(f -> FeeSchedule.investableCapital(terms, f.timeline(), request.fundSize()))
                .orElse(request.fundSize());
        OptimizationRequest problem = OptimizationInputs.request(input, investable, limits);
        double[] weights = keys.stream()
                .mapToDouble(k -> request.weights().getOrDefault(k, 0.0))
                .toArray();
        List<ConstraintCheck> checks = ConstraintReport.of(problem, weights);
        var allocation = new ArrayList<BucketAllocation>();
        for (int b = 0; b < weights.length; b++) {
            double dollars = weights[b] * investable;
            allocation.add(new BucketAllocation(
                    keys.get(b),
                    weights[b],
                    dollars,
                    Math.round(dollars / problem.buckets().get(b).allInCost())));
        }
        return new EvaluationView(
                input.matrixKey(),
                input.matrix().scenarioCount(),
                ResultRows.allocation(allocation),
                PortfolioMeasures.of(input.matrix(), weights, limits.cvarConfidence())
                        .expectedMoic(),
                ResultRows.risk(checks),
                ResultRows.constraints(checks),
                checks.stream().allMatch(ConstraintCheck::satisfied),
                fund.map(f -> FundMetricsView.of(
                                FundEconomics.of(f.cashflows(), weights, request.fundSize(), terms, f.timeline())))
                        .orElse(null));
    }
}
