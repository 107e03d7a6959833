package dev.vcportfolio.bench;

import dev.vcportfolio.core.optimize.ModelOptions;
import dev.vcportfolio.core.optimize.OptimizationOutcome;
import dev.vcportfolio.core.optimize.OptimizationRequest;
import dev.vcportfolio.core.optimize.PortfolioOptimizer;
import dev.vcportfolio.core.optimize.RiskLimits;
import dev.vcportfolio.core.optimize.SolverSettings;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * A whole optimization of an infeasible request, relaxed (DESIGN 8), with the LP heuristic and its shortcuts (the
 * production options) and without them (every least move and feasibility question a MILP), in the same process.
 * Synthetic 20 x 1,000 (seed 42, cap 0.15): an expected-winners floor out of reach, loss probability at most 45 % and
 * CVaR(0.95) at most 0.8, so winners must be lowered while the loss limit is decided first.
 *
 * <p>{@code bench/run RelaxationBenchmark [--limit=SECONDS]}: the watchdog per solve (default 600 s).
 */
public final class RelaxationBenchmark {

    private RelaxationBenchmark() {}

    public static void main(String[] args) {
        long limit = 600;
        for (String a : args) {
            if (a.startsWith("--limit=")) {
                limit = Long.parseLong(a.substring(8));
            }
        }
        var limits = RiskLimits.none()
                .withBucketMaxWeight(0.15)
                .withMaxLossProbability(0.45)
                .withCvar(0.95, 0.8)
                .withMinExpectedWinners(100);
        var request = SyntheticPortfolio.request(20, 1000, 42, limits);
        var settings = SolverSettings.defaults()
                .withTimeLimit(Duration.ofSeconds(limit))
                .withRelaxInfeasible(true);
        var optimizer = new PortfolioOptimizer(Executors.newSingleThreadExecutor());
        optimizer.optimize(request, settings); // JIT and OR-Tools' native library warm up once, for both runs
        double tuned = run("with the LP heuristic and shortcuts", optimizer, request, settings);
        double plain = run(
                "without (MILP for every step)",
                optimizer,
                request,
                settings.withOptions(ModelOptions.TUNED.withWarmStart(false)));
        System.out.printf("ratio: %.1fx%n", plain / tuned);
        System.exit(0);
    }

    private static double run(
            String label, PortfolioOptimizer optimizer, OptimizationRequest request, SolverSettings settings) {
        long started = System.nanoTime();
        var outcome = optimizer.optimize(request, settings);
        double seconds = (System.nanoTime() - started) / 1e9;
        switch (outcome) {
            case OptimizationOutcome.Solved solved -> {
                var result = solved.result();
                System.out.printf(
                        "%s: %.2f s, E[M] %.6f, pass 1 %s by %s, steps %s%n",
                        label,
                        seconds,
                        result.expectedMoic(),
                        result.pass1().status(),
                        result.pass1().backend(),
                        result.relaxation());
            }
            default -> System.out.printf("%s: %.2f s, %s%n", label, seconds, outcome);
        }
        return seconds;
    }
}
