package dev.vcportfolio.optimize;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * What an allocation is worth on a matrix: the same measures a session reports, recomputed from the matrix.
 *
 * @param constraintReport against the request's constraints (every limit at its loosest when none were given)
 * @param fundMetrics the allocation as the LPs see it (DESIGN 14); null for a matrix without cash flows
 */
@RegisterForReflection
public record EvaluationView(
        String matrixKey,
        int scenarioCount,
        List<AllocationRow> allocation,
        double expectedMoic,
        RiskMetrics riskMetrics,
        List<ConstraintRow> constraintReport,
        boolean feasible,
        FundMetricsView fundMetrics) {}
