package dev.vcportfolio.bench;

import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.Stage;
import dev.vcportfolio.core.scenario.BenchmarkCalibration;
import dev.vcportfolio.core.scenario.BucketPlan;
import dev.vcportfolio.core.scenario.GenerationControl;
import dev.vcportfolio.core.scenario.ScenarioGenerationResult;
import dev.vcportfolio.core.scenario.ScenarioGenerator;
import dev.vcportfolio.core.scenario.ScenarioSpec;
import dev.vcportfolio.core.scenario.Seed;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Speed and memory of the scenario engine: company paths per second per core for 60 buckets x 10,000 scenarios x 8
 * deals with 1 and 2 threads, beside the vectorized NumPy baseline {@code bench/scenario_numpy.py} run in the same
 * command; then the peak heap of 200 x 50,000 x 8 in a child JVM limited to {@code -Xmx512m}.
 *
 * <p>Run with {@code bench/run ScenarioGenerationBenchmark [repeats]}.
 */
public final class ScenarioGenerationBenchmark {

    private static final String PEAK_HEAP = "--peak-heap";

    private ScenarioGenerationBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(PEAK_HEAP)) {
            peakHeap();
            return;
        }
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ScenarioSpec spec = spec(60, 10_000, 8);
        long paths = 60L * 10_000 * 8;
        System.out.printf(
                "scenario engine: 60 buckets x 10,000 scenarios x 8 deals = %,d company paths, %d cores%n",
                paths, Runtime.getRuntime().availableProcessors());
        double[] perCore = new double[3];
        for (int threads = 1; threads <= 2; threads++) {
            double seconds = bestSeconds(spec, threads, repeats);
            perCore[threads] = paths / seconds / threads;
            System.out.printf(
                    "java %d thread(s): best of %d %.3f s, %.2f M paths/s, %.2f M paths/s per core%n",
                    threads, repeats, seconds, paths / seconds / 1e6, perCore[threads] / 1e6);
        }
        double numpy = numpyPathsPerSecond();
        System.out.printf("numpy 1 thread: %.2f M paths/s per core%n", numpy / 1e6);
        System.out.printf(
                "ratio java/numpy per core: %.2fx (1 thread), %.2fx (2 threads); target >= 5 M paths/s per core: %s%n",
                perCore[1] / numpy, perCore[2] / numpy, perCore[1] >= 5e6 && perCore[2] >= 5e6 ? "met" : "MISSED");
        runPeakHeapChild();
    }

    static ScenarioSpec spec(int buckets, int scenarios, int deals) {
        List<BucketPlan> plans = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            Stage stage = Stage.values()[b % 4];
            plans.add(new BucketPlan(new BucketSpec("sector" + b / 4, stage, 1_000_000, 1.0), deals));
        }
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 7);
        return ScenarioSpec.of(plans, scenarios, BenchmarkCalibration.industryBenchmarkV1(), Seed.of(seed));
    }

    private static double bestSeconds(ScenarioSpec spec, int threads, int repeats) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            ScenarioGenerator generator = new ScenarioGenerator();
            GenerationControl control = GenerationControl.of(pool, threads);
            for (int warmup = 0; warmup < 2; warmup++) {
                generator.generate(spec, control);
            }
            double best = Double.MAX_VALUE;
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                ScenarioGenerationResult result = generator.generate(spec, control);
                double seconds = (System.nanoTime() - start) / 1e9;
                best = Math.min(best, seconds);
                System.out.printf(
                        "  java %d thread(s) run %d: %.3f s, mean MOIC %.4f%n", threads, r, seconds, meanMoic(result));
            }
            return best;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Mean of all cells, to compare with the NumPy model's (same model, other streams: equal within noise). */
    private static double meanMoic(ScenarioGenerationResult result) {
        double sum = 0;
        for (float value : result.matrix().values()) {
            sum += value;
        }
        return sum / result.matrix().values().length;
    }

    private static double numpyPathsPerSecond() throws IOException, InterruptedException {
        return NumpyBaseline.pathsPerSecond(
                "bench/scenario_numpy.py", "--buckets", "60", "--scenarios", "10000", "--deals", "8");
    }

    /** Runs {@link #peakHeap} in a child JVM capped at 512 MB, which fails with OutOfMemoryError if it does not fit. */
    private static void runPeakHeapChild() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-XX:+UseParallelGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ScenarioGenerationBenchmark.class.getName(),
                        PEAK_HEAP)
                .inheritIO()
                .start();
        int status = child.waitFor();
        System.out.println(status == 0 ? "200 x 50,000 fits in -Xmx512m" : "200 x 50,000 FAILED under -Xmx512m");
    }

    private static void peakHeap() {
        ScenarioSpec spec = spec(200, 50_000, 8);
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool1 -> pool1.getType() == MemoryType.HEAP)
                .toList();
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        ScenarioGenerationResult result = new ScenarioGenerator().generate(spec, GenerationControl.of(pool, threads));
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        long peak =
                heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(
                "200 buckets x 50,000 scenarios x 8 deals (-Xmx%d MB, %d threads): %.1f s, %.2f M paths/s;"
                        + " matrix %.1f MB; peak heap (sum of pool peaks) %.1f MB%n",
                Runtime.getRuntime().maxMemory() >> 20,
                threads,
                seconds,
                result.diagnostics().companyPaths() / seconds / 1e6,
                result.matrix().values().length * 4 / 1048576.0,
                peak / 1048576.0);
    }
}
