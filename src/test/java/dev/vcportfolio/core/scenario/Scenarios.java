package dev.vcportfolio.core.scenario;

import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.Stage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Test fixtures: buckets, seeds, hand-made calibrations and a shared pool. */
final class Scenarios {

    /** Eight threads even on two cores: determinism must hold for more threads than cores. */
    static final ExecutorService POOL = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "scenario-test");
        thread.setDaemon(true);
        return thread;
    });

    static final ScenarioGenerator GENERATOR = new ScenarioGenerator();

    private Scenarios() {}

    static BucketPlan bucket(String sector, Stage stage, int deals) {
        return new BucketPlan(new BucketSpec(sector, stage, 1_000_000, 1.0), deals);
    }

    /** One bucket per stage, all in one sector. */
    static List<BucketPlan> everyStage(int deals) {
        return List.of(
                bucket("SaaS", Stage.Seed, deals),
                bucket("SaaS", Stage.SeriesA, deals),
                bucket("SaaS", Stage.SeriesB, deals),
                bucket("SaaS", Stage.SeriesC, deals));
    }

    static Seed seed(long n) {
        return new Seed(n, ~n, 0x5eed_5eed_5eed_5eedL ^ n, 42);
    }

    static ScenarioGenerationResult generate(ScenarioSpec spec) {
        return GENERATOR.generate(spec, GenerationControl.of(POOL, 2));
    }

    /** Every stage exits in its first round: cells are the stage's exit law, one draw per deal. */
    static Calibration immediateExit(double maxMoic, List<Regime> regimes, double regimeImpact, ShockWeights shocks) {
        return calibration(new StageTransition(1, 0, 0), maxMoic, 8, regimes, regimeImpact, shocks);
    }

    /** The pure Pareto draw: immediate exit, no regime shock, no other shocks, a cap too high to bind. */
    static Calibration pureExit() {
        return immediateExit(1e9, List.of(new Regime("flat", 1, 0, 0)), 0, ShockWeights.NONE);
    }

    static Calibration calibration(
            StageTransition everyStage,
            double maxMoic,
            int maxRounds,
            List<Regime> regimes,
            double regimeImpact,
            ShockWeights shocks) {
        Map<Stage, StageTransition> transitions = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            transitions.put(stage, everyStage);
        }
        Calibration benchmark = BenchmarkCalibration.industryBenchmarkV1();
        return new Calibration(
                "test", transitions, benchmark.exits(), maxMoic, maxRounds, regimes, regimeImpact, shocks);
    }

    static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    /** Every stage's round outcomes match the calibrated rates within a 4-sigma binomial band for their count. */
    static void assertRoundsMatchChain(GenerationDiagnostics diagnostics, Calibration calibration, long minRounds) {
        for (Stage stage : Stage.values()) {
            StageTally tally = diagnostics.stageRounds().get(stage);
            StageTransition rates = calibration.transition(stage);
            long n = tally.rounds();
            org.assertj.core.api.Assertions.assertThat(n)
                    .as("rounds at %s", stage)
                    .isGreaterThan(minRounds);
            assertShare(stage + " exit", tally.exits(), n, rates.exitRate());
            assertShare(stage + " graduate", tally.graduations(), n, rates.graduateRate());
            assertShare(stage + " failure", tally.failures(), n, rates.failureRate());
            assertShare(stage + " stay", tally.stays(), n, rates.stayRate());
        }
    }

    static void assertShare(String what, long count, long n, double p) {
        org.assertj.core.api.Assertions.assertThat((double) count / n)
                .as(what)
                .isCloseTo(p, org.assertj.core.api.Assertions.within(binomialTolerance(p, n) + 1e-12));
    }

    /** Half-width of a 4-sigma band for a binomial share p over n trials: ~6e-5 two-sided false alarm per check. */
    static double binomialTolerance(double p, long n) {
        return 4 * Math.sqrt(p * (1 - p) / n);
    }
}
