package dev.vcportfolio.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.core.key.MatrixKey;
import dev.vcportfolio.core.model.Stage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matrix depends on the spec alone: not on threads, chunking or repetition. */
class DeterminismTest {

    private static final ScenarioSpec SPEC = new ScenarioSpec(
            List.of(
                    Scenarios.bucket("SaaS", Stage.Seed, 8),
                    Scenarios.bucket("Bio", Stage.SeriesB, 3),
                    Scenarios.bucket("Fintech", Stage.SeriesA, 1),
                    Scenarios.bucket("Climate", Stage.SeriesC, 5)),
            3_001,
            BenchmarkCalibration.industryBenchmarkV1(),
            new Recycling(true, 0.5, 1, 2),
            Map.of("Bio", new SectorAdjustment(1.2, 1.5)),
            Seed.ofHex("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));

    private static final ScenarioGenerationResult REFERENCE =
            Scenarios.GENERATOR.generate(SPEC, GenerationControl.of(Scenarios.POOL, 1));

    @ParameterizedTest(name = "{0} threads, {1} scenarios per chunk")
    @CsvSource({"1, 1", "1, 3001", "2, 256", "2, 7", "8, 256", "8, 1", "8, 100000"})
    void threads_and_chunks_give_identical_bits(int parallelism, int chunkScenarios) {
        // given
        GenerationControl control =
                GenerationControl.of(Scenarios.POOL, parallelism).withChunkScenarios(chunkScenarios);

        // when
        ScenarioGenerationResult result = Scenarios.GENERATOR.generate(SPEC, control);

        // then
        assertThat(Scenarios.bits(result.matrix().values()))
                .isEqualTo(Scenarios.bits(REFERENCE.matrix().values()));
        assertThat(result.buckets()).isEqualTo(REFERENCE.buckets());
        assertThat(result.diagnostics().regimeScenarios())
                .isEqualTo(REFERENCE.diagnostics().regimeScenarios());
        assertThat(result.diagnostics().stageRounds())
                .isEqualTo(REFERENCE.diagnostics().stageRounds());
        assertThat(result.diagnostics().exits())
                .isEqualTo(REFERENCE.diagnostics().exits());
    }

    @Test
    void the_same_spec_twice_gives_the_same_bits() {
        // when
        ScenarioGenerationResult again =
                new ScenarioGenerator().generate(SPEC, GenerationControl.of(Scenarios.POOL, 2));

        // then
        assertThat(Scenarios.bits(again.matrix().values()))
                .isEqualTo(Scenarios.bits(REFERENCE.matrix().values()));
    }

    @Test
    void another_seed_gives_another_matrix() {
        // given
        ScenarioSpec other = new ScenarioSpec(
                SPEC.buckets(),
                SPEC.scenarioCount(),
                SPEC.calibration(),
                SPEC.recycling(),
                SPEC.sectorAdjustments(),
                Scenarios.seed(99));

        // when
        ScenarioGenerationResult result = Scenarios.generate(other);

        // then
        assertThat(Scenarios.bits(result.matrix().values()))
                .isNotEqualTo(Scenarios.bits(REFERENCE.matrix().values()));
    }

    @Test
    void the_model_version_pins_its_output() {
        // then: a change here changes stored matrices, so it must come with a new model version (and matrix keys)
        assertThat(REFERENCE.modelVersion()).isEqualTo("three_component_v1");
        assertThat(sha256(REFERENCE.matrix().values())).isEqualTo(PINNED_SHA256);
    }

    private static final String PINNED_SHA256 = "36f163713eccce96c6e6b411011d60d57f85293d512823f46e1243000e1848b3";

    private static String sha256(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            bytes.putFloat(value);
        }
        return HexFormat.of().formatHex(MatrixKey.sha256(bytes.array()));
    }
}
