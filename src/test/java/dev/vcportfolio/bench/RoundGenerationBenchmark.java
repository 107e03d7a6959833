package dev.vcportfolio.bench;

import dev.vcportfolio.core.codec.EncodedMatrix;
import dev.vcportfolio.core.codec.Float32;
import dev.vcportfolio.core.codec.MatrixDecoder;
import dev.vcportfolio.core.codec.MatrixEncoder;
import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.Stage;
import dev.vcportfolio.core.scenario.BenchmarkCalibration;
import dev.vcportfolio.core.scenario.FollowOnPolicy;
import dev.vcportfolio.core.scenario.FundTimeline;
import dev.vcportfolio.core.scenario.GenerationControl;
import dev.vcportfolio.core.scenario.LognormalLaw;
import dev.vcportfolio.core.scenario.RoundByRoundGenerator;
import dev.vcportfolio.core.scenario.RoundDynamics;
import dev.vcportfolio.core.scenario.RoundGenerationResult;
import dev.vcportfolio.core.scenario.RoundSpec;
import dev.vcportfolio.core.scenario.Seed;
import dev.vcportfolio.core.scenario.StageDynamics;
import dev.vcportfolio.core.scenario.StrategyRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Speed of the round-by-round engine (DESIGN 13): deal paths per second per core for 60 rows x 10,000 scenarios x 8
 * deals over a 15-year horizon with 1 and 2 threads, beside the vectorized NumPy version {@code bench/rounds_numpy.py}
 * of the same model run in the same command; then the cash-flow matrix through the codec against gzip -6 (deflate
 * level 6) on the same bytes, and the codec's decoding speed.
 *
 * <p>Run with {@code bench/run RoundGenerationBenchmark [repeats]}.
 */
public final class RoundGenerationBenchmark {

    private static final int ROWS = 60;
    private static final int SCENARIOS = 10_000;
    private static final int DEALS = 8;

    private RoundGenerationBenchmark() {}

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        RoundSpec spec = spec(ROWS, SCENARIOS, DEALS);
        long paths = (long) ROWS * SCENARIOS * DEALS;
        System.out.printf(
                "round-by-round engine: %d rows x %,d scenarios x %d deals = %,d deal paths, horizon %d years,"
                        + " %d cores%n",
                ROWS,
                SCENARIOS,
                DEALS,
                paths,
                spec.fund().horizonYears(),
                Runtime.getRuntime().availableProcessors());
        double[] perCore = new double[3];
        RoundGenerationResult last = null;
        for (int threads = 1; threads <= 2; threads++) {
            Timed timed = bestSeconds(spec, threads, repeats);
            last = timed.result();
            perCore[threads] = paths / timed.seconds() / threads;
            System.out.printf(
                    "java %d thread(s): best of %d %.3f s, %.2f M deal paths/s, %.2f M per core%n",
                    threads, repeats, timed.seconds(), paths / timed.seconds() / 1e6, perCore[threads] / 1e6);
        }
        double numpy = numpyPathsPerSecond();
        System.out.printf("numpy 1 thread: %.2f M deal paths/s%n", numpy / 1e6);
        System.out.printf(
                "ratio java/numpy per core: %.2fx (1 thread), %.2fx (2 threads); target >= 5 M per core: %s,"
                        + " >= 1.5x numpy: %s%n",
                perCore[1] / numpy,
                perCore[2] / numpy,
                perCore[1] >= 5e6 ? "met" : "MISSED",
                perCore[1] / numpy >= 1.5 ? "met" : "MISSED");
        // the same spec must give the same bits whatever the engine's speed
        System.out.printf(
                "sha-256 moic %s, cash flows %s%n",
                sha256(last.moic().values()), sha256(last.cashflows().values()));
        codec(last.cashflows().values());
    }

    private static String sha256(float[] values) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Float32.toLittleEndian(values)));
    }

    static RoundSpec spec(int rows, int scenarios, int deals) {
        List<StrategyRow> plans = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            Stage stage = Stage.values()[r % 4];
            plans.add(new StrategyRow(
                    new BucketSpec("sector" + r / 4, stage, 1_000_000, 1.0),
                    "",
                    deals,
                    ENTRY_POST[stage.ordinal()],
                    FollowOnPolicy.PRO_RATA));
        }
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 7);
        return new RoundSpec(
                plans,
                scenarios,
                BenchmarkCalibration.industryBenchmarkV1(),
                dynamics(),
                new FundTimeline(5, 12, 3),
                Map.of(),
                Seed.of(seed));
    }

    private static final double[] ENTRY_POST = {12e6, 40e6, 100e6, 300e6};

    /** The same figures as bench/rounds_numpy.py. */
    private static RoundDynamics dynamics() {
        double[][] years = {{1.8, 3.5}, {2.0, 3.8}, {2.2, 4.0}, {2.4, 4.5}};
        double[][] stepUp = {{1, 1}, {2.5, 5}, {2.2, 4}, {1.8, 3}};
        double[] dilution = {0, 0.2, 0.15, 0.12};
        Map<Stage, StageDynamics> byStage = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            int g = stage.ordinal();
            byStage.put(
                    stage,
                    new StageDynamics(
                            new LognormalLaw(years[g][0], years[g][1]),
                            new LognormalLaw(stepUp[g][0], stepUp[g][1]),
                            dilution[g],
                            ENTRY_POST[g]));
        }
        return new RoundDynamics(byStage);
    }

    private record Timed(double seconds, RoundGenerationResult result) {}

    private static Timed bestSeconds(RoundSpec spec, int threads, int repeats) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            RoundByRoundGenerator generator = new RoundByRoundGenerator();
            GenerationControl control = GenerationControl.of(pool, threads);
            for (int warmup = 0; warmup < 2; warmup++) {
                generator.generate(spec, control);
            }
            double best = Double.MAX_VALUE;
            RoundGenerationResult result = null;
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                result = generator.generate(spec, control);
                double seconds = (System.nanoTime() - start) / 1e9;
                best = Math.min(best, seconds);
                System.out.printf(
                        "  java %d thread(s) run %d: %.3f s, mean MOIC %.4f%n", threads, r, seconds, mean(result));
            }
            return new Timed(best, result);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double mean(RoundGenerationResult result) {
        double sum = 0;
        for (float value : result.moic().values()) {
            sum += value;
        }
        return sum / result.moic().values().length;
    }

    /** The cash-flow matrix through the codec and through deflate level 6 (gzip -6's compressor), and decode speed. */
    private static void codec(float[] values) throws IOException {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            raw.putFloat(value);
        }
        byte[] bytes = raw.array();
        EncodedMatrix encoded = MatrixEncoder.encode(values);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(6), 1 << 16)) {
            out.write(bytes);
        }
        // warm the decoder up first, as CodecBenchmark does, so the best of 7 is the compiled code's
        for (long until = System.nanoTime() + 1_500_000_000L; System.nanoTime() < until; ) {
            MatrixDecoder.decode(encoded.bytes(), encoded.codec(), values.length);
        }
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 7; r++) {
            long start = System.nanoTime();
            float[] decoded = MatrixDecoder.decode(encoded.bytes(), encoded.codec(), values.length);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
            if (!Arrays.equals(decoded, values)) {
                throw new IllegalStateException("the codec did not give back the exact floats");
            }
        }
        System.out.printf(
                "cash-flow codec: %,d raw bytes -> %,d (%s, %.1f %%); deflate level 6 (gzip -6) %,d (%.1f %%);"
                        + " codec/gzip %.3f; decode best of 7 after 1.5 s warm-up %.1f ms = %.0f MB/s%n",
                bytes.length,
                encoded.bytes().length,
                encoded.codec(),
                100.0 * encoded.bytes().length / bytes.length,
                deflated.size(),
                100.0 * deflated.size() / bytes.length,
                (double) encoded.bytes().length / deflated.size(),
                best * 1e3,
                bytes.length / best / 1e6);
    }

    private static double numpyPathsPerSecond() throws IOException, InterruptedException {
        return NumpyBaseline.pathsPerSecond(
                "bench/rounds_numpy.py",
                "--rows",
                Integer.toString(ROWS),
                "--scenarios",
                Integer.toString(SCENARIOS),
                "--deals",
                Integer.toString(DEALS));
    }
}
