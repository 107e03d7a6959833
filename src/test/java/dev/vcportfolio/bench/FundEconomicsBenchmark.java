package dev.vcportfolio.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vcportfolio.core.economics.FundEconomics;
import dev.vcportfolio.core.economics.FundMetrics;
import dev.vcportfolio.core.economics.FundTerms;
import dev.vcportfolio.core.economics.IrrSpread;
import dev.vcportfolio.core.economics.Spread;
import dev.vcportfolio.core.economics.YearBand;
import dev.vcportfolio.core.model.CashflowMatrix;
import dev.vcportfolio.core.scenario.FundTimeline;
import dev.vcportfolio.core.scenario.GenerationControl;
import dev.vcportfolio.core.scenario.RoundByRoundGenerator;
import dev.vcportfolio.core.scenario.RoundSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Speed of {@code fundMetrics} (DESIGN 14, issue 24): {@link FundEconomics#of} on one thread for 10,000 scenarios of a
 * 20-row round-by-round cash-flow matrix (8 deals a row, investment period 5, term 12, extensions 3: flows in years
 * 0..15 and the NAV, 17 values a cell), default terms, IRR included; beside it in the same command the independent
 * vectorized NumPy version {@code bench/economics_numpy.py} on the same flows, whose metrics must match every field
 * to 1e-9 (absolute for multiples, rates, shares and ratios; relative for dollars). Exits non-zero when they do not.
 *
 * <p>Run with {@code bench/run FundEconomicsBenchmark [repeats]}.
 */
public final class FundEconomicsBenchmark {

    private static final int ROWS = 20;
    private static final int SCENARIOS = 10_000;
    private static final int DEALS = 8;
    private static final double COMMITMENTS = 100e6;
    private static final double TOLERANCE = 1e-9;
    private static final double TARGET_MS = 50;

    private FundEconomicsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        RoundSpec spec = RoundGenerationBenchmark.spec(ROWS, SCENARIOS, DEALS);
        FundTimeline timeline = spec.fund();
        CashflowMatrix flows = generate(spec);
        double[] weights = weights(ROWS);
        FundTerms terms = FundTerms.DEFAULT;
        System.out.printf(
                "fund economics: %d rows x %,d scenarios x %d values (years 0..%d and the NAV), default terms,"
                        + " %d cores, load average %.2f%n",
                ROWS,
                SCENARIOS,
                flows.yearCount(),
                timeline.horizonYears(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        FundMetrics metrics = null;
        for (long until = System.nanoTime() + 3_000_000_000L; System.nanoTime() < until; ) {
            metrics = FundEconomics.of(flows, weights, COMMITMENTS, terms, timeline);
        }
        // CPU time beside wall time: on a shared machine the wall clock also counts time spent waiting for a core
        ThreadMXBean thread = ManagementFactory.getThreadMXBean();
        double[] millis = new double[repeats];
        double[] cpuMillis = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long cpuStart = thread.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            metrics = FundEconomics.of(flows, weights, COMMITMENTS, terms, timeline);
            millis[r] = (System.nanoTime() - start) / 1e6;
            cpuMillis[r] = (thread.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            System.out.printf("  java run %d: %.1f ms (cpu %.1f ms)%n", r, millis[r], cpuMillis[r]);
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        double best = millis[0];
        double median = median(millis);
        System.out.printf(
                "java 1 thread: best of %d %.1f ms, median %.1f ms (cpu: best %.1f ms, median %.1f ms);"
                        + " net TVPI p50 %.4f, net IRR p50 %.4f, IRR undefined %.4f%n",
                repeats,
                best,
                median,
                cpuMillis[0],
                median(cpuMillis),
                metrics.netTvpi().p50(),
                metrics.netIrr().p50().orElse(Double.NaN),
                metrics.netIrr().undefinedShare());

        Numpy numpy = numpy(flows, weights, terms, timeline, Math.max(3, repeats / 2));
        System.out.printf(
                "numpy 1 thread: best %.1f ms, median %.1f ms (cpu: best %.1f ms, median %.1f ms)%n",
                numpy.bestSeconds() * 1e3,
                numpy.medianSeconds() * 1e3,
                numpy.cpuBestSeconds() * 1e3,
                numpy.cpuMedianSeconds() * 1e3);
        Difference difference = compare(metrics, numpy.metrics());
        System.out.printf(
                "max difference: %.3g absolute (%s), %.3g relative on dollars (%s) over %d fields; tolerance %.0g%n",
                difference.absolute,
                difference.absoluteField,
                difference.relative,
                difference.relativeField,
                difference.fields,
                TOLERANCE);
        System.out.printf(
                "ratio java/numpy time: %.3f (best), %.3f (median), cpu %.3f (best); target < %.0f ms on one core:"
                        + " %s%n",
                best / (numpy.bestSeconds() * 1e3),
                median / (numpy.medianSeconds() * 1e3),
                cpuMillis[0] / (numpy.cpuBestSeconds() * 1e3),
                TARGET_MS,
                median < TARGET_MS
                        ? "met (median wall)"
                        : best < TARGET_MS ? "met by the best run only (wall)" : "MISSED (wall)");
        if (!difference.mismatches.isEmpty()) {
            difference.mismatches.forEach(m -> System.out.println("MISMATCH " + m));
            System.exit(1);
        }
    }

    private static CashflowMatrix generate(RoundSpec spec) {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            return new RoundByRoundGenerator()
                    .generate(spec, GenerationControl.of(pool, threads))
                    .cashflows();
        } finally {
            pool.shutdownNow();
        }
    }

    /** An uneven allocation over every row, so no row is skipped: 1 to 4 parts a row, summing to 1. */
    private static double[] weights(int rows) {
        double[] parts = new double[rows];
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            parts[r] = 1 + (r * 7) % 4;
            sum += parts[r];
        }
        for (int r = 0; r < rows; r++) {
            parts[r] /= sum;
        }
        return parts;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    private record Numpy(
            JsonNode metrics,
            double bestSeconds,
            double medianSeconds,
            double cpuBestSeconds,
            double cpuMedianSeconds) {}

    /** Writes the flows and the spec to a temporary folder, runs the NumPy script on them, reads its metrics. */
    private static Numpy numpy(
            CashflowMatrix flows, double[] weights, FundTerms terms, FundTimeline timeline, int repeats)
            throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        Path dir = Files.createTempDirectory("fund-economics");
        try {
            Path values = dir.resolve("flows.f32");
            Path spec = dir.resolve("spec.json");
            Path out = dir.resolve("metrics.json");
            ByteBuffer bytes =
                    ByteBuffer.allocate(flows.values().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(flows.values());
            try (FileChannel channel = FileChannel.open(values, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
            json.writeValue(spec.toFile(), specOf(flows, weights, terms, timeline));
            ProcessBuilder builder = new ProcessBuilder(
                            "python3",
                            "bench/economics_numpy.py",
                            "--flows",
                            values.toString(),
                            "--spec",
                            spec.toString(),
                            "--out",
                            out.toString(),
                            "--repeats",
                            Integer.toString(repeats))
                    .redirectErrorStream(true);
            // one thread, like the one-core figure it is compared with
            builder.environment().put("OMP_NUM_THREADS", "1");
            builder.environment().put("OPENBLAS_NUM_THREADS", "1");
            Map<String, Double> seconds = new LinkedHashMap<>();
            Process process = builder.start();
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    System.out.println("  " + line);
                    int eq = line.indexOf('=');
                    if (line.startsWith("seconds_") && eq > 0) {
                        seconds.put(line.substring(0, eq), Double.parseDouble(line.substring(eq + 1)));
                    }
                }
            }
            List<String> expected = List.of("seconds_best", "seconds_median", "seconds_cpu_best", "seconds_cpu_median");
            if (process.waitFor() != 0 || !seconds.keySet().containsAll(expected)) {
                throw new IllegalStateException("bench/economics_numpy.py failed (python3 with numpy is required)");
            }
            return new Numpy(
                    json.readTree(out.toFile()),
                    seconds.get("seconds_best"),
                    seconds.get("seconds_median"),
                    seconds.get("seconds_cpu_best"),
                    seconds.get("seconds_cpu_median"));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static Map<String, Object> specOf(
            CashflowMatrix flows, double[] weights, FundTerms terms, FundTimeline timeline) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("rows", flows.rowCount());
        spec.put("scenarios", flows.scenarioCount());
        spec.put("yearCount", flows.yearCount());
        spec.put("weights", weights);
        spec.put("commitments", COMMITMENTS);
        spec.put(
                "terms",
                Map.of(
                        "managementFeeRate", terms.managementFeeRate(),
                        "postPeriodFeeRate", terms.postPeriodFeeRate(),
                        "carryRate", terms.carryRate(),
                        "hurdleRate", terms.hurdleRate(),
                        "catchUp", terms.catchUp()));
        spec.put(
                "timeline",
                Map.of(
                        "investmentPeriodYears", timeline.investmentPeriodYears(),
                        "termYears", timeline.termYears(),
                        "extensionYears", timeline.extensionYears()));
        return spec;
    }

    /** The largest differences seen, and every field beyond the tolerance. */
    private static final class Difference {
        double absolute;
        String absoluteField = "-";
        double relative;
        String relativeField = "-";
        int fields;
        final List<String> mismatches = new java.util.ArrayList<>();

        void unitless(String field, double java, JsonNode numpy) {
            fields++;
            double diff = Math.abs(java - numpy.asDouble(Double.NaN));
            if (!(diff <= absolute)) {
                absolute = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff;
                absoluteField = field;
            }
            if (!(diff <= TOLERANCE)) {
                mismatches.add(field + ": java " + java + ", numpy " + numpy);
            }
        }

        void dollars(String field, double java, JsonNode numpy) {
            fields++;
            double diff = Math.abs(java - numpy.asDouble(Double.NaN)) / Math.max(1, Math.abs(java));
            if (!(diff <= relative)) {
                relative = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff;
                relativeField = field;
            }
            if (!(diff <= TOLERANCE)) {
                mismatches.add(field + ": java " + java + ", numpy " + numpy);
            }
        }

        void optional(String field, OptionalDouble java, JsonNode numpy) {
            if (java.isEmpty() || numpy.isNull()) {
                fields++;
                if (java.isPresent() || !numpy.isNull()) {
                    mismatches.add(field + ": java " + java + ", numpy " + numpy);
                }
                return;
            }
            unitless(field, java.getAsDouble(), numpy);
        }
    }

    private static Difference compare(FundMetrics java, JsonNode numpy) {
        Difference d = new Difference();
        spread(d, "grossMultiple", java.grossMultiple(), numpy.path("grossMultiple"));
        spread(d, "netTvpi", java.netTvpi(), numpy.path("netTvpi"));
        IrrSpread irr = java.netIrr();
        JsonNode irrNode = numpy.path("netIrr");
        d.optional("netIrr.p10", irr.p10(), irrNode.path("p10"));
        d.optional("netIrr.p50", irr.p50(), irrNode.path("p50"));
        d.optional("netIrr.p90", irr.p90(), irrNode.path("p90"));
        d.unitless("netIrr.undefinedShare", irr.undefinedShare(), irrNode.path("undefinedShare"));
        JsonNode atLeast = numpy.path("probabilityNetTvpiAtLeast");
        d.unitless("probabilityNetTvpiAtLeast.1", java.probabilityNetTvpiAtLeast1(), atLeast.path("1"));
        d.unitless("probabilityNetTvpiAtLeast.2", java.probabilityNetTvpiAtLeast2(), atLeast.path("2"));
        d.unitless("probabilityNetTvpiAtLeast.3", java.probabilityNetTvpiAtLeast3(), atLeast.path("3"));
        bands(d, "netDpiByYear", java.netDpiByYear(), numpy.path("netDpiByYear"));
        bands(d, "jCurve", java.jCurve(), numpy.path("jCurve"));
        d.dollars("expectedCarry", java.expectedCarry(), numpy.path("expectedCarry"));
        d.dollars("investableCapital", java.investableCapital(), numpy.path("investableCapital"));
        d.dollars("totalFees", java.totalFees(), numpy.path("totalFees"));
        return d;
    }

    private static void spread(Difference d, String name, Spread java, JsonNode numpy) {
        d.unitless(name + ".mean", java.mean(), numpy.path("mean"));
        d.unitless(name + ".p10", java.p10(), numpy.path("p10"));
        d.unitless(name + ".p50", java.p50(), numpy.path("p50"));
        d.unitless(name + ".p90", java.p90(), numpy.path("p90"));
    }

    private static void bands(Difference d, String name, List<YearBand> java, JsonNode numpy) {
        if (java.size() != numpy.size()) {
            d.mismatches.add(name + ": java " + java.size() + " years, numpy " + numpy.size());
            return;
        }
        for (int y = 0; y < java.size(); y++) {
            YearBand band = java.get(y);
            JsonNode node = numpy.get(y);
            if (band.year() != node.path("year").asInt(-1)) {
                d.mismatches.add(name + "[" + y + "].year: java " + band.year() + ", numpy " + node.path("year"));
            }
            d.unitless(name + "[" + y + "].p10", band.p10(), node.path("p10"));
            d.unitless(name + "[" + y + "].p50", band.p50(), node.path("p50"));
            d.unitless(name + "[" + y + "].p90", band.p90(), node.path("p90"));
        }
    }
}
