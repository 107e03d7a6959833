package dev.vcportfolio.session;

import dev.vcportfolio.optimize.AllocationRow;
import dev.vcportfolio.optimize.ConstraintRow;
import dev.vcportfolio.optimize.FundMetricsView;
import dev.vcportfolio.optimize.FundTermsRequest;
import dev.vcportfolio.optimize.RelaxationEntry;
import dev.vcportfolio.optimize.RiskMetrics;
import dev.vcportfolio.optimize.SensitivityRow;
import dev.vcportfolio.optimize.Uninvested;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

/**
 * A completed session's answer (DESIGN 10).
 *
 * @param name the name the request gave, trimmed; null when it gave none
 * @param expectedMoic in-sample E[M] of the allocation
 * @param riskMetrics in-sample risk
 * @param pass1EStar pass 1's optimum, bit-exact
 * @param uninvested what the deals leave of the capital (whole deals); zero for free shares
 * @param sensitivity per limit in force, what loosening it by a stated step buys (DESIGN 16); empty for sessions
 *     stored before it existed
 * @param fundTerms the fees and carry the session's LP figures use, every field set
 * @param fundMetrics in sample: the allocation as the LPs see it, net of fees and carry (DESIGN 14); null for
 *     matrices without cash flows (one-period model, uploaded)
 */
@RegisterForReflection
public record SessionResultView(
        UUID sessionId,
        String name,
        String status,
        String matrixKey,
        double fundSize,
        List<AllocationRow> allocation,
        Uninvested uninvested,
        double expectedMoic,
        RiskMetrics riskMetrics,
        List<ConstraintRow> constraintReport,
        List<RelaxationEntry> relaxationLog,
        List<SensitivityRow> sensitivity,
        SolverMetadata solverMetadata,
        double pass1EStar,
        double primaryLockEpsilon,
        ValidationView validationMetrics,
        FundTermsRequest fundTerms,
        FundMetricsView fundMetrics) {}
