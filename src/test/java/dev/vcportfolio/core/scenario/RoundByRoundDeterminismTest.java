package dev.vcportfolio.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both matrices and the row statistics depend on the spec alone: not on threads, chunking or repetition. */
class RoundByRoundDeterminismTest {

    private static final RoundSpec SPEC = new RoundSpec(
            rowsWithOptions(),
            1_501,
            BenchmarkCalibration.industryBenchmarkV1(),
            RoundByRoundStatisticsTest.randomDynamics(),
            FundTimeline.DEFAULT,
            Map.of("Bio", new SectorAdjustment(1.2, 1.5)),
            Seed.ofHex("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));

    private static final RoundGenerationResult REFERENCE =
            Rounds.GENERATOR.generate(SPEC, GenerationControl.of(Scenarios.POOL, 1));

    @ParameterizedTest(name = "{0} threads, {1} scenarios per chunk")
    @CsvSource({"1, 1501", "2, 256", "2, 7", "8, 1", "8, 100000"})
    void threads_and_chunks_give_identical_bits(int parallelism, int chunkScenarios) {
        // given
        GenerationControl control =
                GenerationControl.of(Scenarios.POOL, parallelism).withChunkScenarios(chunkScenarios);

        // when
        RoundGenerationResult result = Rounds.GENERATOR.generate(SPEC, control);

        // then
        assertThat(Scenarios.bits(result.moic().values()))
                .isEqualTo(Scenarios.bits(REFERENCE.moic().values()));
        assertThat(Scenarios.bits(result.cashflows().values()))
                .isEqualTo(Scenarios.bits(REFERENCE.cashflows().values()));
        assertThat(result.rows()).isEqualTo(REFERENCE.rows());
        assertThat(result.diagnostics())
                .usingRecursiveComparison()
                .ignoringFields("chunks")
                .isEqualTo(REFERENCE.diagnostics());
        assertThat(result.followOns()).isEqualTo(REFERENCE.followOns());
    }

    /** Two buckets with three reserve options each, and a third bucket of one row. */
    private static List<StrategyRow> rowsWithOptions() {
        List<StrategyRow> rows = new ArrayList<>();
        for (String sector : List.of("SaaS", "Bio")) {
            rows.add(option(sector, "none", 0, FollowOnPolicy.PRO_RATA));
            rows.add(option(sector, "proRata", 1, FollowOnPolicy.PRO_RATA));
            rows.add(option(sector, "fixed", 1.5, new FollowOnPolicy(FollowOnMode.fixed, 0.5, 0.8, 2)));
        }
        rows.add(new StrategyRow(
                new BucketSpec("Fintech", Stage.SeriesA, 3e6, 0.5), "", 4, 30e6, FollowOnPolicy.PRO_RATA));
        return rows;
    }

    private static StrategyRow option(String sector, String name, double reserveRatio, FollowOnPolicy policy) {
        return new StrategyRow(new BucketSpec(sector, Stage.Seed, 1e6, reserveRatio), name, 6, 10e6, policy);
    }
}
