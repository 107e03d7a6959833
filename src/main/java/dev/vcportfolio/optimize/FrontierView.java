package dev.vcportfolio.optimize;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * Optimal portfolios from the tightest to the loosest CVaR limit: expected MOIC never falls and CVaR never falls as
 * the limit loosens.
 *
 * @param tightestCvar the least CVaR any allocation meeting the other limits reaches
 * @param loosestCvar the CVaR of the optimum without a CVaR limit
 */
@RegisterForReflection
public record FrontierView(
        String matrixKey, double cvarConfidence, double tightestCvar, double loosestCvar, List<Point> points) {

    /**
     * @param cvarLimit the limit this point was solved under
     * @param weights by bucket key
     * @param deals whole deals by bucket key
     * @param uninvested the share of capital no further deal fits into (0 for free shares)
     * @param fundMetrics the point's allocation as the LPs see it; null for a matrix without cash flows
     */
    @RegisterForReflection
    public record Point(
            double cvarLimit,
            double expectedMoic,
            double cvar,
            double lossProbability,
            Map<String, Double> weights,
            Map<String, Long> deals,
            double uninvested,
            String solverStatus,
            FundMetricsView fundMetrics) {}
}
