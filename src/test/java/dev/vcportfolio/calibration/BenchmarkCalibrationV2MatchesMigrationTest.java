package dev.vcportfolio.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vcportfolio.core.model.Stage;
import dev.vcportfolio.core.scenario.BenchmarkCalibrationV2;
import dev.vcportfolio.core.scenario.BenchmarkCalibrationV3;
import dev.vcportfolio.core.scenario.Calibration;
import dev.vcportfolio.core.scenario.ExitOutcome;
import dev.vcportfolio.core.scenario.LognormalLaw;
import dev.vcportfolio.core.scenario.RoundDynamics;
import dev.vcportfolio.core.scenario.StageDynamics;
import dev.vcportfolio.core.scenario.StageTransition;
import dev.vcportfolio.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's built-in {@code industry-benchmark-v2} and {@code -v3} ({@link BenchmarkCalibrationV2}, {@link
 * BenchmarkCalibrationV3}) are the rows migrations V11 and V13 store, figure for figure, and a snapshot read without round dynamics falls back to the benchmark's.
 */
@QuarkusTest
class BenchmarkCalibrationV2MatchesMigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @Inject
    CalibrationRepository repository;

    @ParameterizedTest
    @ValueSource(strings = {BenchmarkCalibrationV2.VERSION, BenchmarkCalibrationV3.VERSION})
    void the_engine_benchmark_equals_the_stored_row(String version) throws Exception {
        // given
        Row row = Sql.run(pool, """
                        SELECT transition_stats::text AS t, exit_outcomes::text AS e, round_dynamics::text AS r,
                               model_params::text AS m
                        FROM calibration_snapshots WHERE version = $1 AND fund_id IS NULL""", version).iterator().next();
        JsonNode transitions = JSON.readTree(row.getString("t"));
        JsonNode exits = JSON.readTree(row.getString("e"));
        JsonNode dynamics = JSON.readTree(row.getString("r"));
        JsonNode params = JSON.readTree(row.getString("m"));

        // when
        Calibration engine = version.equals(BenchmarkCalibrationV2.VERSION)
                ? BenchmarkCalibrationV2.industryBenchmarkV2()
                : BenchmarkCalibrationV3.industryBenchmarkV3();
        RoundDynamics engineDynamics = version.equals(BenchmarkCalibrationV2.VERSION)
                ? BenchmarkCalibrationV2.roundDynamics()
                : BenchmarkCalibrationV3.roundDynamics();

        // then
        assertThat(engine.version()).isEqualTo(version);
        assertThat(transitions.size()).isEqualTo(Stage.values().length);
        assertThat(dynamics.size()).isEqualTo(Stage.values().length);
        for (Stage stage : Stage.values()) {
            JsonNode rates = transitions.get(stage.name());
            assertThat(engine.transition(stage))
                    .as("transition %s", stage)
                    .isEqualTo(new StageTransition(
                            rates.get("exitRate").asDouble(),
                            rates.get("graduateRate").asDouble(),
                            rates.get("failureRate").asDouble()));
            JsonNode exit = exits.get(stage.name());
            assertThat(engine.exit(stage))
                    .as("exit %s", stage)
                    .isEqualTo(new ExitOutcome(
                            exit.get("medianMOIC").asDouble(),
                            exit.get("p90MOIC").asDouble()));
            JsonNode rounds = dynamics.get(stage.name());
            assertThat(engineDynamics.of(stage))
                    .as("round dynamics %s", stage)
                    .isEqualTo(new StageDynamics(
                            law(rounds.get("yearsToNextRound")),
                            law(rounds.get("stepUp")),
                            rounds.get("dilution").asDouble(),
                            rounds.get("entryPostMoney").asDouble()));
        }
        assertThat(engine.maxMoic()).isEqualTo(params.get("maxMoic").asDouble());
        assertThat(engine.maxRounds()).isEqualTo(params.get("maxRounds").asInt());
        assertThat(engine.regimeImpact()).isEqualTo(params.get("regimeImpact").asDouble());
        assertThat(engine.shocks().shockScale())
                .isEqualTo(params.get("shockScale").asDouble());
        assertThat(engine.shocks().systematicWeight())
                .isEqualTo(params.get("systematicWeight").asDouble());
        assertThat(engine.shocks().idiosyncraticWeight())
                .isEqualTo(params.get("idiosyncraticWeight").asDouble());
        assertThat(engine.regimes()).hasSize(params.get("regimes").size());
        for (int r = 0; r < engine.regimes().size(); r++) {
            JsonNode stored = params.get("regimes").get(r);
            var regime = engine.regimes().get(r);
            assertThat(regime.name()).isEqualTo(stored.get("name").asText());
            assertThat(regime.probability()).isEqualTo(stored.get("probability").asDouble());
            assertThat(regime.shockMin()).isEqualTo(stored.get("shockMin").asDouble());
            assertThat(regime.shockMax()).isEqualTo(stored.get("shockMax").asDouble());
        }
    }

    @Test
    void the_stored_benchmark_reads_back_as_the_engine_round_dynamics() {
        // when
        CalibrationView view = repository
                .findVisible(BenchmarkCalibrationV2.VERSION, List.of())
                .await()
                .atMost(Duration.ofSeconds(30))
                .orElseThrow();

        // then: its own round dynamics, not the fallback
        assertThat(view.roundDynamics()).isNotNull().hasSize(Stage.values().length);
        assertThat(view.roundDynamicsOrBenchmark()).isEqualTo(BenchmarkCalibrationV2.roundDynamics());
    }

    @Test
    void a_snapshot_without_round_dynamics_falls_back_to_the_benchmark_v2() {
        // given
        CalibrationView stored = new CalibrationView(
                "no-dynamics", null, Map.of(), Map.of(), null, ModelParams.benchmarkDefaults(), null, null, null, null);

        // when
        RoundDynamics effective = stored.roundDynamicsOrBenchmark();

        // then
        assertThat(effective).isEqualTo(BenchmarkCalibrationV2.roundDynamics());
    }

    private static LognormalLaw law(JsonNode law) {
        return new LognormalLaw(law.get("median").asDouble(), law.get("p90").asDouble());
    }
}
