package dev.vcportfolio.core.scenario;

import dev.vcportfolio.core.model.CashflowMatrix;
import dev.vcportfolio.core.model.MoicMatrix;
import dev.vcportfolio.core.model.Stage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@value #MODEL_VERSION} scenario model (DESIGN 13): per scenario the macro regime and its shock, per bucket the
 * systematic shock, and per deal of every strategy row a company walked round by round in time: years at each stage,
 * step-ups and dilution, follow-ons by the row's policy within its reserve, and an exit (a multiple of the last
 * post-money), a failure, or a stake still private at the horizon held at its last post-money.
 *
 * <p>The result depends on the {@link RoundSpec} alone: every deal draws from its own stream derived from the seed,
 * every cell has a fixed place, sums are added in a fixed order, and transcendentals go through {@link StrictMath}, so
 * thread count, chunk size, JVM and native image all give the same bits. Stateless and thread-safe.
 */
public final class RoundByRoundGenerator {

    public static final String MODEL_VERSION = "round_by_round_v1";

    /**
     * Generates both matrices on the control's pool, blocking the calling thread (which works too) until done.
     *
     * @throws GenerationCancelledException when the control's cancellation check turns true or the caller is interrupted
     */
    public RoundGenerationResult generate(RoundSpec spec, GenerationControl control) {
        CompiledRounds model = new CompiledRounds(spec);
        RoundOutput out = new RoundOutput(model.rowCount, model.scenarioCount, model.yearCount);
        ChunkRunner<RoundTally> runner = new ChunkRunner<>(
                model.scenarioCount, control, () -> new DealPathSimulator(model, out, control.chunkScenarios()));
        RoundTally tally = runner.run();
        List<String> keys = spec.rowKeys();
        MoicMatrix moic = new MoicMatrix(keys, model.scenarioCount, out.moic);
        CashflowMatrix cashflows = new CashflowMatrix(keys, model.scenarioCount, model.yearCount, out.cashflows);
        long privateDeals = 0;
        for (long count : tally.privateAtHorizon) {
            privateDeals += count;
        }
        return new RoundGenerationResult(
                MODEL_VERSION,
                moic,
                cashflows,
                statistics(spec, model, out, tally),
                diagnostics(spec, tally, runner.chunks()),
                tally.followOns,
                privateDeals);
    }

    private static List<RowStatistics> statistics(
            RoundSpec spec, CompiledRounds model, RoundOutput out, RoundTally tally) {
        List<RowStatistics> rows = new ArrayList<>(model.rowCount);
        int scenarios = model.scenarioCount;
        for (int r = 0; r < model.rowCount; r++) {
            double moic = 0;
            double followOn = 0;
            double years = 0;
            double ownership = 0;
            for (int i = r * scenarios, end = i + scenarios; i < end; i++) {
                moic += out.moic[i];
                followOn += out.followOn[i];
                years += out.exitYears[i];
                ownership += out.exitOwnership[i];
            }
            double deals = (double) model.deals[r] * scenarios;
            long exits = tally.exits[r];
            rows.add(new RowStatistics(
                    spec.rows().get(r).key(),
                    model.deals[r],
                    followOn / (deals * model.initialCheck[r]),
                    tally.winners[r] / deals,
                    exits == 0 ? 0 : years / exits,
                    exits == 0 ? 0 : ownership / exits,
                    exits / deals,
                    tally.privateAtHorizon[r] / deals,
                    moic / scenarios));
        }
        return rows;
    }

    private static GenerationDiagnostics diagnostics(RoundSpec spec, RoundTally tally, int chunks) {
        Map<String, Long> regimes = new LinkedHashMap<>();
        List<Regime> calibrated = spec.calibration().regimes();
        for (int r = 0; r < calibrated.size(); r++) {
            regimes.put(calibrated.get(r).name(), tally.regimes[r]);
        }
        Map<Stage, StageTally> stages = new EnumMap<>(Stage.class);
        long exits = 0;
        for (Stage stage : Stage.values()) {
            int at = stage.ordinal() * 4;
            long[] rounds = tally.stageRounds;
            stages.put(stage, new StageTally(rounds[at], rounds[at + 1], rounds[at + 2], rounds[at + 3]));
        }
        for (long count : tally.exits) {
            exits += count;
        }
        return new GenerationDiagnostics(
                Collections.unmodifiableMap(regimes),
                Collections.unmodifiableMap(stages),
                tally.paths,
                0,
                exits,
                tally.roundLimitFailures,
                tally.cappedDraws,
                chunks);
    }
}
