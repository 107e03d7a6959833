package dev.vcportfolio.bench;

import dev.vcportfolio.core.optimize.Backend;
import dev.vcportfolio.core.optimize.DealRules;
import dev.vcportfolio.core.optimize.ModelOptions;
import dev.vcportfolio.core.optimize.OptimizationOutcome;
import dev.vcportfolio.core.optimize.OptimizationRequest;
import dev.vcportfolio.core.optimize.OptimizationResult;
import dev.vcportfolio.core.optimize.PortfolioMeasures;
import dev.vcportfolio.core.optimize.PortfolioOptimizer;
import dev.vcportfolio.core.optimize.RiskLimits;
import dev.vcportfolio.core.optimize.SolveStats;
import dev.vcportfolio.core.optimize.SolveStatus;
import dev.vcportfolio.core.optimize.SolverSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * Pass-1 time to proven gap 1e-4 (or the gap at the time limit) for the tuned model and the textbook big-M model, on
 * the same backend, over seeded synthetic instances ({@link SyntheticPortfolio} seed 42, cap max(0.05, 3/B)).
 *
 * <p>Limits are derived per size so that "binding" means binding <em>and</em> feasible, each with a witness allocation
 * found before the timed runs (deterministic node limits, not timed):
 *
 * <ul>
 *   <li>loss "binding": 70 % of the unconstrained optimum's loss probability p0 when some allocation is known to reach
 *       it; otherwise halfway (in scenario counts, rounded up) between the least loss count at which a pass 1 limited
 *       to {@value #WITNESS_NODES} nodes finds an allocation (bisection) and p0;
 *   <li>CVaR (0.95) "binding": halfway between the least CVaR limit at which such a pass 1 finds an allocation under
 *       the same loss limit (bisection to 1e-3) and the CVaR of the optimum without a CVaR limit.
 * </ul>
 *
 * <p>Times are the whole pass-1 call for both models (instance, heuristic, model building, solve); when both calls
 * take under a second, each is repeated in a block of its own for at least {@value #FAST_MIN_REPEATS} more runs and
 * 1.5 s, and keeps its best run (the first, JIT-cold runs are printed beside the row). The ratio is textbook time over
 * tuned time where both prove optimality.
 *
 * <p>{@code bench/run OptimizerBenchmark [--quick] [--limit=SECONDS] [--backend=SCIP|CBC] [--sizes=20x250,40x1000]
 * [--binding-loss-only] [--binding-only] [--gap=1e-4] [--nodes=N] [--no-textbook] [--legacy]
 * [--options=TUNED|NO_HEURISTIC|NO_FLOOR|NO_MIXING|NO_LADDER|OLD] [--derive-cvar] [--whole-deals]}; --quick runs
 * (20,250) only; --whole-deals puts the same tuned pass 1 in whole deals in the second column (the ratio is its time
 * over the continuous one's); --binding-loss-only
 * runs the binding loss limit without CVaR, --binding-only with and without a binding CVaR; --gap is the relative gap
 * the timed solves stop at (1e-3 measures the time to the (40,1000) target); --nodes limits the timed solves'
 * nodes (1: heuristic, presolve and root only); --legacy adds the old loss-binding rows (70 % of p0, whether or not
 * feasible); --options picks the tuned model's ingredients, to measure what each brings; --derive-cvar derives the
 * binding CVaR limits afresh instead of the pinned ones.
 */
public final class OptimizerBenchmark {

    static final int WITNESS_NODES = 50;

    private final PortfolioOptimizer optimizer = new PortfolioOptimizer(Executors.newSingleThreadExecutor());
    private final SolverSettings base;
    private final ModelOptions tunedOptions;
    private final boolean textbookToo;

    /** The second column times the same tuned pass 1 in whole deals instead of the textbook model. */
    private final boolean wholeDeals;

    /**
     * Settings the limits are derived with: the optimizing model (no proof ladder), as in every earlier run, so a
     * "binding" limit names the same instance whatever the timed options.
     */
    private final SolverSettings derive;

    /**
     * The CVaR limits of the binding-loss rows every run from fa8a9d6 to 20eb6a0 printed, keyed "{buckets}x{binding
     * loss}". Since one node budget per request (the derivation's optimum shares its 50 nodes between pass 1 and pass
     * 2) the derivation gives others (0.6424 at (20,250), 0.6413 at (40,1000)), so they are pinned, to four decimals
     * (the derived ones had more: these instances are close to, not the same as, those runs'); the loose rows' limits
     * derive as before (the LP alone decides them). {@code --derive-cvar} derives all limits afresh.
     */
    private static final java.util.Map<String, Double> PINNED_CVAR =
            java.util.Map.of("20xtrue", 0.6422, "40xtrue", 0.6407, "60xtrue", 0.5323);

    /**
     * The binding loss counts of the same runs, keyed by buckets: the witness search behind them (a 50-node pass 1)
     * finds allocations at lower counts since the least-loss search runs first, so they are pinned too.
     */
    private static final java.util.Map<Integer, Integer> PINNED_LOSS = java.util.Map.of(20, 50, 40, 263, 60, 384);

    private final boolean derived;

    private OptimizerBenchmark(
            SolverSettings base, ModelOptions tunedOptions, boolean textbookToo, boolean derived, boolean wholeDeals) {
        this.base = base;
        this.wholeDeals = wholeDeals;
        this.derived = derived;
        this.derive = base.withOptions(ModelOptions.TUNED.withProofLadder(false));
        this.tunedOptions = tunedOptions;
        this.textbookToo = textbookToo;
    }

    public static void main(String[] args) {
        var flags = List.of(args);
        long limit = 60;
        Backend backend = Backend.SCIP;
        int[][] sizes =
                flags.contains("--quick") ? new int[][] {{20, 250}} : new int[][] {{20, 250}, {40, 1000}, {60, 2000}};
        var options = ModelOptions.TUNED;
        double gap = SolverSettings.DEFAULT_GAP;
        long nodes = Long.MAX_VALUE / 4;
        for (String a : args) {
            if (a.startsWith("--gap=")) {
                gap = Double.parseDouble(a.substring(6));
            }
            if (a.startsWith("--nodes=")) {
                nodes = Long.parseLong(a.substring(8));
            }
            if (a.startsWith("--limit=")) {
                limit = Long.parseLong(a.substring(8));
            }
            if (a.startsWith("--backend=")) {
                backend = Backend.valueOf(a.substring(10));
            }
            if (a.startsWith("--sizes=")) {
                sizes = Arrays.stream(a.substring(8).split(","))
                        .map(x -> Arrays.stream(x.split("x"))
                                .mapToInt(Integer::parseInt)
                                .toArray())
                        .toArray(int[][]::new);
            }
            if (a.startsWith("--options=")) {
                options = switch (a.substring(10)) {
                    case "TUNED" -> ModelOptions.TUNED;
                    case "NO_HEURISTIC" -> ModelOptions.TUNED.withWarmStart(false);
                    // The floor and the mixing rows are the optimizing model's; their ablations keep that model.
                    case "NO_FLOOR" ->
                        ModelOptions.TUNED.withObjectiveFloor(false).withProofLadder(false);
                    case "NO_MIXING" -> ModelOptions.TUNED.withMixingRows(false).withProofLadder(false);
                    case "NO_LADDER" -> ModelOptions.TUNED.withProofLadder(false);
                    case "OLD" ->
                        ModelOptions.TUNED
                                .withWarmStart(false)
                                .withObjectiveFloor(false)
                                .withMixingRows(false)
                                .withProofLadder(false);
                    default -> throw new IllegalArgumentException(a);
                };
            }
        }
        var base = SolverSettings.defaults()
                .withBackends(List.of(backend))
                .withTimeLimit(Duration.ofSeconds(limit))
                .withNodeLimit(nodes)
                .withRelativeGap(gap);
        boolean whole = flags.contains("--whole-deals");
        // Pinned limits are the continuous model's; whole deals derive their own binding (and feasible) limits.
        var bench = new OptimizerBenchmark(
                base, options, !flags.contains("--no-textbook"), flags.contains("--derive-cvar") || whole, whole);
        System.out.printf(
                "backend=%s limit=%ds gap=%.0e options=%s load average at start: %s%n",
                backend, limit, gap, options, loadAverage());
        var rows = new ArrayList<String>();
        for (int[] size : sizes) {
            rows.addAll(bench.size(
                    size[0],
                    size[1],
                    flags.contains("--binding-loss-only"),
                    flags.contains("--binding-only"),
                    flags.contains("--legacy")));
        }
        System.out.printf("%nload average at end: %s%n", loadAverage());
        String second = whole ? "whole deals" : "textbook";
        System.out.println("| B | S | loss | CVaR | tuned s (MILP s) | tuned status (gap, nodes) | " + second + " s | "
                + second + " status (gap, nodes) | ratio |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    private List<String> size(int buckets, int scenarios, boolean lossOnly, boolean bindingOnly, boolean legacy) {
        var rows = new ArrayList<String>();
        var free = RiskLimits.none().withBucketMaxWeight(Math.max(0.05, 3.0 / buckets));
        var probe = instance(buckets, scenarios, 42, free);
        var unconstrained = measures(solved(optimizer.optimize(probe, derive)).orElseThrow(), probe);
        int p0 = (int) Math.round(unconstrained.lossProbability() * scenarios);
        int seventy = (int) Math.floor(0.7 * p0);
        // The least loss count (between 70 % of p0 and p0) at which a node-limited pass 1 finds an allocation.
        int least = (int) Math.round(scenarios
                * leastFeasible(
                        seventy / (double) scenarios,
                        p0 / (double) scenarios,
                        1.0 / scenarios,
                        v -> instance(buckets, scenarios, 42, free.withMaxLossProbability(v))));
        int binding = derived
                ? (least <= seventy ? seventy : (least + p0 + 1) / 2)
                : PINNED_LOSS.getOrDefault(buckets, least <= seventy ? seventy : (least + p0 + 1) / 2);
        System.out.printf(
                "(%d,%d): unconstrained loss %d/%d, CVaR %.4f; 70%% = %d; least loss with an allocation found %d;"
                        + " binding loss %d%n",
                buckets, scenarios, p0, scenarios, unconstrained.cvar(), seventy, least, binding);
        for (boolean bindingLoss : lossOnly || bindingOnly ? new boolean[] {true} : new boolean[] {false, true}) {
            var lossLimits = bindingLoss ? free.withMaxLossProbability((double) binding / scenarios) : free;
            String lossLabel = bindingLoss ? "binding " + binding + "/" + scenarios : "loose";
            var noCvar = instance(buckets, scenarios, 42, lossLimits);
            rows.add(row(buckets, scenarios, lossLabel, "off", noCvar));
            if (lossOnly) {
                continue;
            }
            // CVaR limit: halfway between the least CVaR with an allocation found and the optimum's CVaR.
            var optimum = solved(optimizer.optimize(noCvar, derive.withNodeLimit(WITNESS_NODES)));
            if (optimum.isEmpty()) {
                rows.add(String.format(
                        "| %d | %d | %s | binding | — | no optimum within %d nodes to derive it from | — | — | — |",
                        buckets, scenarios, lossLabel, WITNESS_NODES));
                continue;
            }
            double high = measures(optimum.get(), probe).cvar();
            double low =
                    leastFeasible(0, high, 1e-3, v -> instance(buckets, scenarios, 42, lossLimits.withCvar(0.95, v)));
            double cvar = derived
                    ? (low + high) / 2
                    : PINNED_CVAR.getOrDefault(buckets + "x" + bindingLoss, (low + high) / 2);
            System.out.printf(
                    "(%d,%d) loss %s: CVaR of the optimum %.4f, least CVaR with an allocation found %.4f, limit %.4f%n",
                    buckets, scenarios, lossLabel, high, low, cvar);
            var request = instance(buckets, scenarios, 42, lossLimits.withCvar(0.95, cvar));
            rows.add(row(buckets, scenarios, lossLabel, String.format("binding %.4f", cvar), request));
        }
        if (legacy && seventy != binding) {
            var request = instance(buckets, scenarios, 42, free.withMaxLossProbability((double) seventy / scenarios));
            rows.add(row(buckets, scenarios, "70% of p0: " + seventy + "/" + scenarios, "off", request));
        }
        return rows;
    }

    /**
     * The seeded instance; with --whole-deals in whole deals, so the binding limits are derived (not pinned) for the
     * model that is compared, and the first column times the same instance with free shares.
     */
    private OptimizationRequest instance(int buckets, int scenarios, long seed, RiskLimits limits) {
        var request = SyntheticPortfolio.request(buckets, scenarios, seed, limits);
        return wholeDeals ? request.withDeals(DealRules.whole(0)) : request;
    }

    /**
     * Bisection for the least limit in [low, high] at which a pass 1 limited to {@value #WITNESS_NODES} nodes returns
     * an allocation (a witness: the limit is feasible); {@code high} is known to have one. Deterministic.
     */
    private double leastFeasible(
            double low, double high, double step, java.util.function.DoubleFunction<OptimizationRequest> at) {
        var witness = derive.withNodeLimit(WITNESS_NODES);
        if (optimizer.solvePass1(at.apply(low), witness).status().hasAnswer()) {
            return low;
        }
        double lo = low;
        double hi = high;
        while (hi - lo > step * 1.5) {
            double mid = Math.round((lo + hi) / 2 / step) * step;
            if (optimizer.solvePass1(at.apply(mid), witness).status().hasAnswer()) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private String row(int buckets, int scenarios, String loss, String cvar, OptimizationRequest request) {
        var tunedSettings = base.withOptions(tunedOptions);
        // With --whole-deals the second column is the same tuned pass 1 on the same instance, counting whole deals.
        var textbookSettings = wholeDeals ? tunedSettings : base.withOptions(ModelOptions.TEXTBOOK);
        var secondRequest = request;
        long[] tunedNanos = {0};
        long[] textbookNanos = {0};
        var firstRequest = request.withDeals(DealRules.CONTINUOUS);
        var tuned = timed(firstRequest, tunedSettings, tunedNanos);
        var textbook = textbookToo || wholeDeals ? timed(secondRequest, textbookSettings, textbookNanos) : null;
        // Millisecond solves: a few runs are mostly JIT warm-up and cache noise (a sub-millisecond path is compiled
        // only after hundreds of calls), so each model repeats in a block of its own for half of one wall-clock
        // budget and keeps its best run. Alternating the two put SCIP's runs between the tuned path's: on 2026-12-06
        // the loose (20,250) path measured 0.70 ms that way and 0.063 ms repeated alone, on this commit and on the one
        // before the proof ladder alike.
        String firstRuns = String.format(
                "first runs %s / %s s", seconds(tunedNanos[0]), textbook == null ? "—" : seconds(textbookNanos[0]));
        if (tunedNanos[0] < FAST_NANOS && (textbook == null || textbookNanos[0] < FAST_NANOS)) {
            repeat(firstRequest, tunedSettings, tunedNanos);
            if (textbook != null) {
                repeat(secondRequest, textbookSettings, textbookNanos);
            }
        }
        String line = String.format(
                "| %d | %d | %s | %s | %s (%.3f) | %s | %s | %s | %s |",
                buckets,
                scenarios,
                loss,
                cvar,
                seconds(tunedNanos[0]),
                tuned.millis() / 1000.0,
                describe(tuned),
                textbook == null ? "—" : seconds(textbookNanos[0]),
                textbook == null ? "not run" : describe(textbook),
                textbook == null ? "—" : ratio(tunedNanos[0], tuned, textbookNanos[0], textbook));
        String secondE = textbook == null ? "" : " / " + textbook.objective();
        System.out.println(
                line + "   E* " + tuned.objective() + secondE + ", " + firstRuns + ", load " + loadAverage());
        return line;
    }

    /** Seconds with three decimals, or four significant digits below 0.1 s (a warm loose solve takes microseconds). */
    private static String seconds(long nanos) {
        return nanos >= 100_000_000L ? String.format("%.3f", nanos / 1e9) : String.format("%.4g", nanos / 1e9);
    }

    private static final long FAST_NANOS = 1_000_000_000L;
    private static final long FAST_BUDGET_NANOS = 3_000_000_000L;
    private static final int FAST_MIN_REPEATS = 6;

    private void repeat(OptimizationRequest request, SolverSettings settings, long[] best) {
        long until = System.nanoTime() + FAST_BUDGET_NANOS / 2;
        for (int i = 0; i < FAST_MIN_REPEATS || System.nanoTime() < until; i++) {
            timed(request, settings, best);
        }
    }

    /**
     * The whole pass-1 call (instance, heuristic, model building, solve); {@code best[0]} keeps the least wall time.
     */
    private SolveStats timed(OptimizationRequest request, SolverSettings settings, long[] best) {
        long start = System.nanoTime();
        var stats = optimizer.solvePass1(request, settings);
        long nanos = System.nanoTime() - start;
        best[0] = best[0] == 0 ? nanos : Math.min(best[0], nanos);
        return stats;
    }

    private static String describe(SolveStats stats) {
        return switch (stats.status()) {
            case OPTIMAL, LIMIT_REACHED -> String.format("%s (%.1e, %d)", stats.status(), stats.gap(), stats.nodes());
            case INFEASIBLE -> String.format("INFEASIBLE (%d)", stats.nodes());
            case NO_ANSWER_LIMIT_REACHED -> String.format("no answer at limit (%d)", stats.nodes());
        };
    }

    private static String ratio(long tunedNanos, SolveStats tuned, long textbookNanos, SolveStats textbook) {
        String r = String.format("%.1fx", (double) textbookNanos / tunedNanos);
        boolean tunedDone = tuned.status() == SolveStatus.OPTIMAL || tuned.status() == SolveStatus.INFEASIBLE;
        boolean textbookDone = textbook.status() == SolveStatus.OPTIMAL || textbook.status() == SolveStatus.INFEASIBLE;
        if (tunedDone && textbookDone) {
            return r;
        }
        if (tunedDone) {
            return "≥ " + r + " (textbook unfinished)";
        }
        return "— (neither proven)";
    }

    private static Optional<OptimizationResult> solved(OptimizationOutcome outcome) {
        return switch (outcome) {
            case OptimizationOutcome.Solved(var result) -> Optional.of(result);
            case OptimizationOutcome.Infeasible(var reason, var steps) -> Optional.empty();
            case OptimizationOutcome.Unsolved(var reason, var stats) -> Optional.empty();
        };
    }

    private static PortfolioMeasures measures(OptimizationResult result, OptimizationRequest request) {
        return PortfolioMeasures.of(request.matrix(), result.weights(), 0.95);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .substring(0, 14)
                    .trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
