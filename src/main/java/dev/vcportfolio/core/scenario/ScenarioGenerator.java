package dev.vcportfolio.core.scenario;

import dev.vcportfolio.core.model.MoicMatrix;
import dev.vcportfolio.core.model.Stage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@value #MODEL_VERSION} scenario model (DESIGN section 7): per scenario a macro regime and its shock, per
 * (bucket, scenario) a systematic shock and {@code dealsPerBucket} company paths through the calibrated stage chain,
 * exits drawn from the stage's Pareto fit, shocked, sector-adjusted and capped, averaged into one MOIC on all-in cost.
 *
 * <p>The result depends on the {@link ScenarioSpec} alone: every cell draws from its own stream derived from the seed,
 * and every transcendental goes through {@link StrictMath}, so thread count, chunk size, JVM and native image all give
 * the same float bits. Stateless and thread-safe.
 */
public final class ScenarioGenerator {

    public static final String MODEL_VERSION = "three_component_v1";

    /**
     * Generates the matrix on the control's pool, blocking the calling thread (which works too) until done.
     *
     * @throws GenerationCancelledException when the control's cancellation check turns true or the caller is interrupted
     */
    public ScenarioGenerationResult generate(ScenarioSpec spec, GenerationControl control) {
        CompiledModel model = new CompiledModel(spec);
        float[] values = new float[model.bucketCount * model.scenarioCount];
        ChunkRunner<SimulationTally> runner = new ChunkRunner<>(
                model.scenarioCount, control, () -> new ChunkSimulator(model, values, control.chunkScenarios()));
        SimulationTally tally = runner.run();
        MoicMatrix matrix = new MoicMatrix(spec.bucketKeys(), spec.scenarioCount(), values);
        return new ScenarioGenerationResult(
                MODEL_VERSION, matrix, statistics(spec, matrix, tally), diagnostics(spec, tally, runner.chunks()));
    }

    private static List<BucketStatistics> statistics(ScenarioSpec spec, MoicMatrix matrix, SimulationTally tally) {
        List<BucketStatistics> statistics = new ArrayList<>(matrix.bucketCount());
        int scenarios = matrix.scenarioCount();
        float[] values = matrix.values();
        for (int b = 0; b < matrix.bucketCount(); b++) {
            double sum = 0;
            long zeros = 0;
            for (int i = b * scenarios, end = i + scenarios; i < end; i++) {
                sum += values[i];
                if (values[i] == 0) {
                    zeros++;
                }
            }
            int deals = spec.buckets().get(b).dealsPerBucket();
            double pWin = (double) tally.winners[b] / ((double) deals * scenarios);
            statistics.add(new BucketStatistics(
                    matrix.bucketKeys().get(b), deals, pWin, sum / scenarios, (double) zeros / scenarios));
        }
        return statistics;
    }

    private static GenerationDiagnostics diagnostics(ScenarioSpec spec, SimulationTally tally, int chunks) {
        Map<String, Long> regimes = new LinkedHashMap<>();
        List<Regime> calibrated = spec.calibration().regimes();
        for (int r = 0; r < calibrated.size(); r++) {
            regimes.put(calibrated.get(r).name(), tally.regimes[r]);
        }
        Map<Stage, StageTally> stages = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            int at = stage.ordinal() * 4;
            long[] rounds = tally.stageRounds;
            stages.put(stage, new StageTally(rounds[at], rounds[at + 1], rounds[at + 2], rounds[at + 3]));
        }
        return new GenerationDiagnostics(
                Collections.unmodifiableMap(regimes),
                Collections.unmodifiableMap(stages),
                tally.paths,
                tally.recycledPaths,
                tally.exits,
                tally.roundLimitFailures,
                tally.cappedDraws,
                chunks);
    }
}
