package dev.vcportfolio.bench;

import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.MoicMatrix;
import dev.vcportfolio.core.model.Stage;
import dev.vcportfolio.core.optimize.OptimizationRequest;
import dev.vcportfolio.core.optimize.RiskLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded heavy-tailed MOIC matrices standing in for the real scenario generator: per deal a failure (0) or an exit drawn
 * from a lognormal body with a Pareto tail, scaled by a regime shared across buckets, averaged over a few deals per
 * cell. Deterministic for a given (buckets, scenarios, seed).
 */
public final class SyntheticPortfolio {

    public static final double FUND_SIZE = 100_000_000;
    private static final String[] SECTORS = {"AI", "Bio", "Climate", "Fintech", "Health", "SaaS", "Consumer", "Deep"};

    private SyntheticPortfolio() {}

    public static OptimizationRequest request(int bucketCount, int scenarioCount, long seed, RiskLimits limits) {
        var random = new SplittableRandom(seed);
        var specs = new ArrayList<BucketSpec>();
        Stage[] stages = Stage.values();
        for (int b = 0; specs.size() < bucketCount; b++) {
            String sector = SECTORS[b / stages.length % SECTORS.length]
                    + (b / (stages.length * SECTORS.length) == 0
                            ? ""
                            : String.valueOf(b / (stages.length * SECTORS.length)));
            specs.add(new BucketSpec(sector, stages[b % stages.length], 1_000_000 * (1 + b % 4), 1.0));
        }
        specs.sort((x, y) -> x.key().compareTo(y.key()));
        double[] regime = new double[scenarioCount];
        for (int s = 0; s < scenarioCount; s++) {
            double u = random.nextDouble();
            regime[s] = u < 0.25 ? 0.4 : u < 0.75 ? 1.0 : 1.6;
        }
        float[] values = new float[bucketCount * scenarioCount];
        double[] winShare = new double[bucketCount];
        for (int b = 0; b < bucketCount; b++) {
            double failure = 0.5 + 0.25 * random.nextDouble();
            double median = 1.5 + 2.5 * random.nextDouble();
            double sigma = 0.6 + 0.6 * random.nextDouble();
            double alpha = 1.2 + 0.8 * random.nextDouble();
            int deals = 1 + random.nextInt(3);
            int wins = 0;
            for (int s = 0; s < scenarioCount; s++) {
                double sum = 0;
                for (int d = 0; d < deals; d++) {
                    double x = 0;
                    if (random.nextDouble() >= failure) {
                        x = random.nextDouble() < 0.1
                                ? median * 3 / Math.pow(1 - random.nextDouble(), 1 / alpha)
                                : median * Math.exp(sigma * gaussian(random) - sigma * sigma / 2);
                        x = Math.min(250, x * regime[s]);
                    }
                    wins += x >= 10 ? 1 : 0;
                    sum += x;
                }
                // Round to a coarse grid like a float32 deal average of identical draws would repeat.
                values[b * scenarioCount + s] = (float) (Math.round(sum / deals * 1000) / 1000.0);
            }
            winShare[b] = (double) wins / (deals * scenarioCount);
        }
        var keys = specs.stream().map(BucketSpec::key).toList();
        var matrix = new MoicMatrix(keys, scenarioCount, values);
        var win = new ArrayList<Double>();
        for (double w : winShare) {
            win.add(w);
        }
        return new OptimizationRequest(matrix, specs, FUND_SIZE, List.copyOf(win), limits);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller on two uniforms: stable across JDKs, unlike nextGaussian implementations.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
