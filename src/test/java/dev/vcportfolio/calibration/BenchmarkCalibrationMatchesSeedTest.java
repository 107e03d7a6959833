package dev.vcportfolio.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vcportfolio.core.model.Stage;
import dev.vcportfolio.core.scenario.BenchmarkCalibration;
import dev.vcportfolio.core.scenario.Calibration;
import dev.vcportfolio.core.scenario.ExitOutcome;
import dev.vcportfolio.core.scenario.StageTransition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The engine's built-in {@code industry-benchmark-v1} is the same calibration the seed migration stores and
 * {@link ModelParams#benchmarkDefaults()} fills in, so a generation with or without a database lookup agrees.
 */
class BenchmarkCalibrationMatchesSeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_engine_benchmark_equals_the_seed_migration_and_model_defaults() throws IOException {
        // given
        List<JsonNode> seed = seedJson();
        JsonNode transitions = seed.get(0);
        JsonNode exits = seed.get(1);
        JsonNode params = seed.get(2);
        ModelParams defaults = ModelParams.benchmarkDefaults();

        // when
        Calibration engine = BenchmarkCalibration.industryBenchmarkV1();

        // then
        assertThat(engine.version()).isEqualTo(CalibrationView.BENCHMARK_VERSION);
        for (Stage stage : Stage.values()) {
            JsonNode rates = transitions.get(stage.name());
            assertThat(engine.transition(stage))
                    .isEqualTo(new StageTransition(
                            rates.get("exitRate").asDouble(),
                            rates.get("graduateRate").asDouble(),
                            rates.get("failureRate").asDouble()));
            JsonNode exit = exits.get(stage.name());
            assertThat(engine.exit(stage))
                    .isEqualTo(new ExitOutcome(
                            exit.get("medianMOIC").asDouble(),
                            exit.get("p90MOIC").asDouble()));
        }
        assertThat(engine.maxMoic()).isEqualTo(params.get("maxMoic").asDouble()).isEqualTo(defaults.maxMoic());
        assertThat(engine.maxRounds())
                .isEqualTo(params.get("maxRounds").asInt())
                .isEqualTo(defaults.maxRounds());
        assertThat(engine.regimeImpact())
                .isEqualTo(params.get("regimeImpact").asDouble())
                .isEqualTo(defaults.regimeImpact());
        assertThat(engine.shocks().shockScale())
                .isEqualTo(params.get("shockScale").asDouble());
        assertThat(engine.shocks().systematicWeight())
                .isEqualTo(params.get("systematicWeight").asDouble());
        assertThat(engine.shocks().idiosyncraticWeight())
                .isEqualTo(params.get("idiosyncraticWeight").asDouble());
        assertThat(engine.shocks().shockScale()).isEqualTo(defaults.shockScale());
        assertThat(engine.shocks().systematicWeight()).isEqualTo(defaults.systematicWeight());
        assertThat(engine.shocks().idiosyncraticWeight()).isEqualTo(defaults.idiosyncraticWeight());
        assertThat(engine.regimes()).hasSize(defaults.regimes().size());
        for (int r = 0; r < defaults.regimes().size(); r++) {
            Regime expected = defaults.regimes().get(r);
            JsonNode stored = params.get("regimes").get(r);
            var actual = engine.regimes().get(r);
            assertThat(actual.name())
                    .isEqualTo(expected.name())
                    .isEqualTo(stored.get("name").asText());
            assertThat(actual.probability())
                    .isEqualTo(expected.probability())
                    .isEqualTo(stored.get("probability").asDouble());
            assertThat(actual.shockMin())
                    .isEqualTo(expected.shockMin())
                    .isEqualTo(stored.get("shockMin").asDouble());
            assertThat(actual.shockMax())
                    .isEqualTo(expected.shockMax())
                    .isEqualTo(stored.get("shockMax").asDouble());
        }
    }

    /** The JSON literals of the seed INSERT, in column order: transition_stats, exit_outcomes, model_params. */
    private static List<JsonNode> seedJson() throws IOException {
        String sql;
        try (InputStream in = BenchmarkCalibrationMatchesSeedTest.class.getResourceAsStream(
                "/db/migration/V6__industry_benchmark_calibration.sql")) {
            assertThat(in).as("seed migration on the class path").isNotNull();
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<JsonNode> literals = new ArrayList<>();
        Matcher matcher = Pattern.compile("'(\\{.*?})'", Pattern.DOTALL).matcher(sql);
        while (matcher.find()) {
            literals.add(JSON.readTree(matcher.group(1)));
        }
        assertThat(literals).hasSize(3);
        return literals;
    }
}
