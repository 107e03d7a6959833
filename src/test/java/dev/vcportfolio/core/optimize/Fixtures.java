package dev.vcportfolio.core.optimize;

import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.MoicMatrix;
import dev.vcportfolio.core.model.Stage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;

/** Small seeded requests for optimizer tests. */
final class Fixtures {

    static final PortfolioOptimizer OPTIMIZER = new PortfolioOptimizer(Executors.newFixedThreadPool(1, r -> {
        var t = new Thread(r, "optimizer-test");
        t.setDaemon(true);
        return t;
    }));

    private Fixtures() {}

    /** Buckets alternate over two sectors and all stages; values per [bucket][scenario]. */
    static OptimizationRequest request(double[][] values, RiskLimits limits) {
        int buckets = values.length;
        int scenarios = values[0].length;
        var specs = new ArrayList<BucketSpec>();
        for (int b = 0; b < buckets; b++) {
            specs.add(new BucketSpec("S" + (b % 2), Stage.values()[(b / 2) % 4], 1_000_000, 1.0));
        }
        specs.sort((x, y) -> x.key().compareTo(y.key()));
        if (specs.stream().map(BucketSpec::key).distinct().count() != buckets) {
            throw new IllegalArgumentException("at most 8 buckets in fixtures");
        }
        float[] cells = new float[buckets * scenarios];
        for (int b = 0; b < buckets; b++) {
            for (int s = 0; s < scenarios; s++) {
                cells[b * scenarios + s] = (float) values[b][s];
            }
        }
        var matrix = new MoicMatrix(specs.stream().map(BucketSpec::key).toList(), scenarios, cells);
        return new OptimizationRequest(
                matrix, specs, 100_000_000, OptimizationRequest.winProbabilitiesFromCells(matrix), limits);
    }

    static double[][] random(int buckets, int scenarios, long seed) {
        var random = new SplittableRandom(seed);
        double[][] values = new double[buckets][scenarios];
        for (int b = 0; b < buckets; b++) {
            for (int s = 0; s < scenarios; s++) {
                double u = random.nextDouble();
                // Round to 1/8 so floats are exact and grids of weights hit ties the way the solver sees them.
                values[b][s] =
                        u < 0.45 ? 0 : Math.round(8 * Math.min(30, 1.0 / Math.pow(1 - random.nextDouble(), 0.8))) / 8.0;
            }
        }
        return values;
    }

    /** A budget on the system clock with the settings' time and node limits, starting now. */
    static Budget budget(SolverSettings settings) {
        return settings.budget(java.time.InstantSource.system());
    }

    /** A budget on the system clock of {@code time} and plenty of nodes, starting now. */
    static Budget budget(java.time.Duration time) {
        return Budget.start(java.time.InstantSource.system(), time, Long.MAX_VALUE);
    }

    static OptimizationResult solved(OptimizationOutcome outcome) {
        return switch (outcome) {
            case OptimizationOutcome.Solved(var result) -> result;
            case OptimizationOutcome.Infeasible(var reason, var steps) ->
                throw new AssertionError("infeasible: " + reason);
            case OptimizationOutcome.Unsolved(var reason, var stats) -> throw new AssertionError("unsolved: " + reason);
        };
    }

    static List<Double> list(double... values) {
        var out = new ArrayList<Double>();
        for (double v : values) {
            out.add(v);
        }
        return Collections.unmodifiableList(out);
    }
}
