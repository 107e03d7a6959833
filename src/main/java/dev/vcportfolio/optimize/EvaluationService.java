package dev.vcportfolio.optimize;

import dev.vcportfolio.core.error.DomainException;
import dev.vcportfolio.core.error.FieldViolation;
import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.optimize.BucketAllocation;
import dev.vcportfolio.core.optimize.ConstraintCheck;
import dev.vcportfolio.core.optimize.ConstraintReport;
import dev.vcportfolio.core.optimize.OptimizationRequest;
import dev.vcportfolio.core.optimize.PortfolioMeasures;
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
    private final ComputePool compute;

    EvaluationService(MatrixService matrices, ComputePool compute) {
        this.matrices = matrices;
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
                .chain(input ->
                        Uni.createFrom().item(() -> measure(input, request)).runSubscriptionOn(compute.executor()));
    }

    private static EvaluationView measure(OptimizationInput input, EvaluationRequest request) {
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
        OptimizationRequest problem = OptimizationInputs.request(input, request.fundSize(), limits);
        double[] weights = keys.stream()
                .mapToDouble(k -> request.weights().getOrDefault(k, 0.0))
                .toArray();
        List<ConstraintCheck> checks = ConstraintReport.of(problem, weights);
        var allocation = new ArrayList<BucketAllocation>();
        for (int b = 0; b < weights.length; b++) {
            double dollars = weights[b] * request.fundSize();
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
                checks.stream().allMatch(ConstraintCheck::satisfied));
    }
}
