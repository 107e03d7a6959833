package dev.vcportfolio.session;

import dev.vcportfolio.optimize.FundMetricsView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Out-of-sample validation (DESIGN 9), stored as {@code validation_metrics}.
 *
 * @param method {@code fresh-simulation} or {@code bootstrap} (uploaded matrices)
 * @param greedyObjective in-sample E[M] of the greedy baseline; null when its caps left part of the fund unplaced
 * @param greedyFeasible whether the greedy baseline met every limit in sample
 * @param fundMetrics the allocation's LP metrics on these scenarios; null without cash flows (one-period model,
 *     uploaded matrices)
 */
@RegisterForReflection
public record ValidationView(
        int scenarios,
        String method,
        double expectedMoic,
        double lossProbability,
        double cvar,
        double expectedWinners,
        double maxLossViolation,
        double cvarViolation,
        double winnerCountViolation,
        boolean feasible,
        Double greedyObjective,
        boolean greedyFeasible,
        FundMetricsView fundMetrics) {}
