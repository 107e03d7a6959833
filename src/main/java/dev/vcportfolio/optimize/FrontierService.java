package dev.vcportfolio.optimize;

import dev.vcportfolio.core.economics.FeeSchedule;
import dev.vcportfolio.core.economics.FundEconomics;
import dev.vcportfolio.core.economics.FundTerms;
import dev.vcportfolio.core.error.DomainException;
import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.optimize.Budget;
import dev.vcportfolio.core.optimize.EfficientFrontier;
import dev.vcportfolio.core.optimize.OptimizationOutcome;
import dev.vcportfolio.core.optimize.OptimizationRequest;
import dev.vcportfolio.core.optimize.SolverSettings;
import dev.vcportfolio.matrix.FundFlows;
import dev.vcportfolio.matrix.FundFlowsSource;
import dev.vcportfolio.matrix.MatrixService;
import dev.vcportfolio.matrix.OptimizationInput;
import dev.vcportfolio.platform.executor.ComputePool;
import dev.vcportfolio.platform.security.FundScope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The efficient frontier (DESIGN 10): finds the feasible CVaR range on one decoded matrix, then solves every point on
 * the compute pool in parallel, and keeps the frontier monotone.
 */
@ApplicationScoped
public class FrontierService {

    /** The range's part of the frontier's time and nodes (one part in three); the points share the rest. */
    private static final double RANGE_SHARE = 1.0 / 3;

    private static final int RANGE_PARTS = 3;

    private final MatrixService matrices;
    private final FundFlowsSource flows;
    private final OptimizerEngine engine;
    private final ComputePool compute;

    FrontierService(MatrixService matrices, FundFlowsSource flows, OptimizerEngine engine, ComputePool compute) {
        this.matrices = matrices;
        this.flows = flows;
        this.engine = engine;
        this.compute = compute;
    }

    /** The frontier on one of the caller's funds' matrices; another fund's matrix is a 404. */
    public Uni<FrontierView> frontier(FrontierRequest request, FundScope scope) {
        SolverSettings settings = engine.config().settings(0);
        return matrices.optimizationInput(request.matrixKey(), scope)
                .chain(input -> flows.of(input.matrixKey()).chain(fund -> solve(request, settings, input, fund)));
    }

    private Uni<FrontierView> solve(
            FrontierRequest request, SolverSettings settings, OptimizationInput input, Optional<FundFlows> fund) {
        var limits = LimitsRules.toLimits(
                request.constraints(),
                "constraints",
                Optional.of(BucketSpec.sectorsOf(input.matrix().bucketKeys())));
        FundTerms terms = FundTermsRequest.toTerms(request.fundTerms());
        double investable = fund.map(f -> FeeSchedule.investableCapital(terms, f.timeline(), request.fundSize()))
                .orElse(request.fundSize());
        OptimizationRequest problem = OptimizationInputs.request(
                input, investable, limits, LimitsRules.toDeals(request.constraints(), "constraints"));
        LpView lp = new LpView(fund, terms, request.fundSize(), input.matrix().bucketKeys());
        EfficientFrontier frontier = engine.frontier();
        // One budget for the whole frontier: the range gets a share, the points side by side the rest, each with an
        // equal split of the nodes the range's share left (deterministic, whichever point runs first).
        Budget budget = engine.budget(settings);
        Budget forRange = budget.share(RANGE_SHARE).split(RANGE_PARTS);
        return onCompute(() -> frontier.range(problem, settings, forRange)
                        .orElseThrow(() -> new DomainException.Infeasible(
                                "no allocation meets the limits even without a CVaR limit")))
                .chain(range -> {
                    var cvarLimits = range.limits(request.points());
                    Budget perPoint = budget.lessNodes(forRange.nodes()).split(cvarLimits.size());
                    List<Uni<EfficientFrontier.Point>> solves = cvarLimits.stream()
                            .map(limit -> onCompute(() -> point(frontier, problem, range, limit, settings, perPoint)))
                            .toList();
                    return Uni.join()
                            .all(solves)
                            .andFailFast()
                            .map(points -> view(request.matrixKey(), problem, range, points, lp));
                });
    }

    /** Each point's LP metrics, when the matrix has cash flows. */
    private record LpView(Optional<FundFlows> fund, FundTerms terms, double commitments, List<String> keys) {
        FundMetricsView of(Map<String, Double> weights) {
            return fund.map(f -> FundMetricsView.of(FundEconomics.of(
                            f.cashflows(),
                            keys.stream()
                                    .mapToDouble(k -> weights.getOrDefault(k, 0.0))
                                    .toArray(),
                            commitments,
                            terms,
                            f.timeline())))
                    .orElse(null);
        }
    }

    private static EfficientFrontier.Point point(
            EfficientFrontier frontier,
            OptimizationRequest problem,
            EfficientFrontier.CvarRange range,
            double limit,
            SolverSettings settings,
            Budget budget) {
        return switch (frontier.solve(problem, range, limit, settings, budget)) {
            case OptimizationOutcome.Solved solved -> new EfficientFrontier.Point(limit, solved.result());
            case OptimizationOutcome.Infeasible infeasible ->
                throw new DomainException.Infeasible(
                        "CVaR limit " + limit + " turned out infeasible: " + infeasible.reason());
            case OptimizationOutcome.Unsolved unsolved ->
                throw new DomainException.Infeasible("CVaR limit " + limit + ": " + unsolved.reason());
        };
    }

    private static FrontierView view(
            String matrixKey,
            OptimizationRequest problem,
            EfficientFrontier.CvarRange range,
            List<EfficientFrontier.Point> solved,
            LpView lp) {
        var points = EfficientFrontier.monotone(solved).stream()
                .map(point -> {
                    var result = point.result();
                    var weights = new LinkedHashMap<String, Double>();
                    var deals = new LinkedHashMap<String, Long>();
                    result.allocation().forEach(a -> {
                        weights.put(a.bucketKey(), a.weight());
                        deals.put(a.bucketKey(), a.deals());
                    });
                    var risk = ResultRows.risk(result.constraints());
                    return new FrontierView.Point(
                            point.cvarLimit(),
                            result.expectedMoic(),
                            risk.cvar(),
                            risk.lossProbability(),
                            weights,
                            deals,
                            result.uninvested(),
                            result.status().name(),
                            lp.of(weights));
                })
                .toList();
        return new FrontierView(
                matrixKey, problem.limits().cvarConfidence(), range.tightest(), range.loosest(), points);
    }

    private <T> Uni<T> onCompute(java.util.function.Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(compute.executor());
    }
}
