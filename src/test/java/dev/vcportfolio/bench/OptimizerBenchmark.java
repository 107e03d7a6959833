package dev.vcportfolio.bench;

import dev.vcportfolio.core.optimize.Backend;
import dev.vcportfolio.core.optimize.ModelOptions;
import dev.vcportfolio.core.optimize.PortfolioMeasures;
import dev.vcportfolio.core.optimize.PortfolioOptimizer;
import dev.vcportfolio.core.optimize.RiskLimits;
import dev.vcportfolio.core.optimize.SolveStats;
import dev.vcportfolio.core.optimize.SolverSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Pass-1 time to proven gap 1e-4 (or the gap at the time limit) for the tuned model and the textbook big-M model, on
 * the same backend, over seeded synthetic instances. Limits are set relative to the unconstrained optimum's own risk:
 * "loose" leaves its loss probability allowed; "binding" allows 70 % of it; CVaR "binding" allows 80 % of its CVaR.
 *
 * <p>{@code bench/run OptimizerBenchmark [--quick] [--limit=SECONDS] [--backend=SCIP|CBC] [--sizes=20x250,40x1000]
 * [--binding-loss-only] [--no-textbook] [--warm-start]}; --quick runs (20,250) only. The
 * --warm-start switch turns the LP heuristic on (off by default), to measure what it brings.
 */
public final class OptimizerBenchmark {

    public static void main(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        long limit = 60;
        Backend backend = Backend.SCIP;
        for (String a : args) {
            if (a.startsWith("--limit=")) {
                limit = Long.parseLong(a.substring(8));
            }
            if (a.startsWith("--backend=")) {
                backend = Backend.valueOf(a.substring(10));
            }
        }
        int[][] sizes = quick ? new int[][] {{20, 250}} : new int[][] {{20, 250}, {40, 1000}, {60, 2000}};
        boolean textbookToo = !List.of(args).contains("--no-textbook");
        boolean lossOnly = List.of(args).contains("--binding-loss-only");
        var tunedOptions = ModelOptions.TUNED;
        for (String a : args) {
            if (a.startsWith("--sizes=")) {
                sizes = java.util.Arrays.stream(a.substring(8).split(","))
                        .map(x -> java.util.Arrays.stream(x.split("x"))
                                .mapToInt(Integer::parseInt)
                                .toArray())
                        .toArray(int[][]::new);
            }
            if (a.equals("--warm-start")) {
                tunedOptions = tunedOptions.withWarmStart(true);
            }
        }
        var optimizer = new PortfolioOptimizer(Executors.newSingleThreadExecutor());
        var base = SolverSettings.defaults()
                .withBackends(List.of(backend))
                .withWatchdog(Duration.ofSeconds(limit))
                .withNodeLimit(Long.MAX_VALUE / 4);
        System.out.printf(
                "backend=%s limit=%ds gap=1e-4%n| B | S | loss | CVaR | tuned s | tuned status (gap) | textbook s | textbook status (gap) | ratio |%n|---|---|---|---|---|---|---|---|---|%n",
                backend, limit);
        for (int[] size : sizes) {
            double cap = Math.max(0.05, 3.0 / size[0]);
            var free = RiskLimits.none().withBucketMaxWeight(cap);
            var probe = SyntheticPortfolio.request(size[0], size[1], 42, free);
            var weights = weightsOf(optimizer, probe, base);
            var risk = PortfolioMeasures.of(probe.matrix(), weights, 0.95);
            for (boolean bindingLoss : lossOnly ? new boolean[] {true} : new boolean[] {false, true}) {
                for (boolean bindingCvar : lossOnly ? new boolean[] {false} : new boolean[] {false, true}) {
                    double loss = bindingLoss ? Math.floor(0.7 * risk.lossProbability() * size[1]) / size[1] : 1;
                    double cvar = bindingCvar ? 0.8 * risk.cvar() : 1;
                    var request = SyntheticPortfolio.request(
                            size[0],
                            size[1],
                            42,
                            free.withMaxLossProbability(loss).withCvar(0.95, cvar));
                    long start = System.nanoTime();
                    var tuned = optimizer.solvePass1(request, base.withOptions(tunedOptions));
                    long total = (System.nanoTime() - start) / 1_000_000;
                    System.out.printf(
                            "  (tuned with heuristic and model building: %.2f s, E* %.6f)%n",
                            total / 1000.0, tuned.objective());
                    var textbook = textbookToo
                            ? optimizer.solvePass1(request, base.withOptions(ModelOptions.TEXTBOOK))
                            : tuned;
                    System.out.printf(
                            "| %d | %d | %s | %s | %.2f | %s | %.2f | %s | %s |%n",
                            size[0],
                            size[1],
                            bindingLoss ? "binding " + loss : "loose",
                            bindingCvar ? String.format("binding %.3f", cvar) : "off",
                            tuned.millis() / 1000.0,
                            describe(tuned),
                            textbook.millis() / 1000.0,
                            describe(textbook),
                            ratio(tuned, textbook));
                }
            }
        }
        System.exit(0);
    }

    private static double[] weightsOf(
            PortfolioOptimizer optimizer,
            dev.vcportfolio.core.optimize.OptimizationRequest request,
            SolverSettings settings) {
        var outcome = optimizer.optimize(request, settings);
        return switch (outcome) {
            case dev.vcportfolio.core.optimize.OptimizationOutcome.Solved(var result) -> result.weights();
            case dev.vcportfolio.core.optimize.OptimizationOutcome.Infeasible(var r, var s) ->
                throw new IllegalStateException(r);
            case dev.vcportfolio.core.optimize.OptimizationOutcome.Unsolved(var r, var s) ->
                throw new IllegalStateException(r);
        };
    }

    private static String describe(SolveStats stats) {
        return String.format("%s (%.2e, %d nodes)", stats.status(), stats.gap(), stats.nodes());
    }

    private static String ratio(SolveStats tuned, SolveStats textbook) {
        boolean bothProven = tuned.status().name().equals("OPTIMAL")
                && textbook.status().name().equals("OPTIMAL");
        String r = String.format("%.1fx", (double) Math.max(1, textbook.millis()) / Math.max(1, tuned.millis()));
        return bothProven ? r : r + " (>=, textbook unproven)";
    }

    private OptimizerBenchmark() {}
}
