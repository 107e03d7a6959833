package dev.vcportfolio.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.Stage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stored {@code round_by_round_v1} matrices must stay reproducible while the generator is tuned: a fixed spec's moic
 * and cash-flow float32 bits, its row statistics and its diagnostics are pinned by their SHA-256 (taken on the
 * generator as it was when this test was added). The spec reaches every branch of the deal loop: reserve options,
 * pro-rata and fixed follow-ons with partial participation and a round limit, every entry stage, stays, a fixed and
 * drawn durations, the round limit, exits, failures and deals still private at a short horizon.
 */
class RoundByRoundGoldenTest {

    static final String MOIC = "6ea49f2d64f4f85d44eb2b7661833e4f2b4493ad5359ef10d307384544b56178";
    static final String CASHFLOWS = "355456ad2d95a384540097844d1553c1caad526fdc862699d1478ebc6809514d";
    static final String ROWS = "6672d3fcebd842a903b457d4e3b8505d689de74168a72344ddfbfed914d5fef9";
    static final String DIAGNOSTICS = "52cdb9781121c64667e8c8da0895cd86858b01ff9388288d5cc19c0106ef84e7";

    private static final RoundGenerationResult RESULT =
            Rounds.GENERATOR.generate(spec(), GenerationControl.of(Scenarios.POOL, 2));

    @Test
    void the_moic_matrix_keeps_its_bits() throws Exception {
        // when
        String digest = sha256(floatBytes(RESULT.moic().values()));

        // then
        assertThat(digest).isEqualTo(MOIC);
    }

    @Test
    void the_cashflow_matrix_keeps_its_bits() throws Exception {
        // when
        String digest = sha256(floatBytes(RESULT.cashflows().values()));

        // then
        assertThat(digest).isEqualTo(CASHFLOWS);
    }

    @Test
    void the_row_statistics_keep_their_bits() throws Exception {
        // given
        List<RowStatistics> rows = RESULT.rows();
        ByteBuffer bytes = ByteBuffer.allocate(rows.size() * 8 * Double.BYTES);

        // when
        for (RowStatistics row : rows) {
            bytes.putDouble(row.deals());
            bytes.putDouble(row.reserveDeployment());
            bytes.putDouble(row.pWin());
            bytes.putDouble(row.meanYearsToExit());
            bytes.putDouble(row.meanOwnershipAtExit());
            bytes.putDouble(row.exitShare());
            bytes.putDouble(row.privateShare());
            bytes.putDouble(row.meanMoic());
        }

        // then
        assertThat(sha256(bytes.array())).isEqualTo(ROWS);
    }

    @Test
    void the_diagnostics_keep_their_counts() throws Exception {
        // when
        String counts = RESULT.diagnostics().regimeScenarios() + " "
                + RESULT.diagnostics().stageRounds() + " "
                + RESULT.diagnostics().companyPaths() + " "
                + RESULT.diagnostics().exits() + " "
                + RESULT.diagnostics().roundLimitFailures() + " "
                + RESULT.diagnostics().cappedDraws() + " "
                + RESULT.followOns() + " " + RESULT.privateAtHorizon();

        // then
        assertThat(sha256(counts.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .as(counts)
                .isEqualTo(DIAGNOSTICS);
    }

    private static RoundSpec spec() {
        List<StrategyRow> rows = List.of(
                option("SaaS", Stage.Seed, "none", 0, 7, FollowOnPolicy.PRO_RATA),
                option("SaaS", Stage.Seed, "proRata", 1, 7, FollowOnPolicy.PRO_RATA),
                option("SaaS", Stage.Seed, "fixed", 1.5, 7, new FollowOnPolicy(FollowOnMode.fixed, 0.5, 0.8, 2)),
                option("Bio", Stage.SeriesA, "proRata", 0.5, 5, new FollowOnPolicy(FollowOnMode.proRata, 0, 0.6, 1)),
                option("Bio", Stage.SeriesA, "fixed", 2, 5, new FollowOnPolicy(FollowOnMode.fixed, 1, 1, 3)),
                new StrategyRow(
                        new BucketSpec("Fintech", Stage.SeriesB, 3e6, 0.8), "", 9, 90e6, FollowOnPolicy.PRO_RATA),
                new StrategyRow(
                        new BucketSpec("Climate", Stage.SeriesC, 5e6, 0.3), "", 2, 250e6, FollowOnPolicy.PRO_RATA));
        return new RoundSpec(
                rows,
                1_237,
                calibration(),
                dynamics(),
                new FundTimeline(3, 7, 1),
                Map.of("Bio", new SectorAdjustment(1.2, 1.5), "Climate", new SectorAdjustment(0.9, 0.8)),
                Seed.ofHex("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"));
    }

    /** The first benchmark with a sticky Series B (so some deals reach the round limit) and a lower cap. */
    private static Calibration calibration() {
        Calibration benchmark = BenchmarkCalibration.industryBenchmarkV1();
        Map<Stage, StageTransition> transitions = new EnumMap<>(benchmark.transitions());
        transitions.put(Stage.SeriesB, new StageTransition(0.05, 0.1, 0.05));
        return new Calibration(
                "golden",
                transitions,
                benchmark.exits(),
                60,
                benchmark.maxRounds(),
                benchmark.regimes(),
                benchmark.regimeImpact(),
                benchmark.shocks());
    }

    /** Drawn durations and step-ups, except Series B's duration, which is fixed and short. */
    private static RoundDynamics dynamics() {
        Map<Stage, StageDynamics> byStage = new EnumMap<>(Stage.class);
        byStage.put(Stage.Seed, new StageDynamics(new LognormalLaw(1.8, 3.5), LognormalLaw.fixed(1), 0, 12e6));
        byStage.put(Stage.SeriesA, new StageDynamics(new LognormalLaw(2.0, 3.8), new LognormalLaw(2.5, 5), 0.2, 40e6));
        byStage.put(Stage.SeriesB, new StageDynamics(LognormalLaw.fixed(0.25), new LognormalLaw(2.2, 4), 0.15, 1e8));
        byStage.put(Stage.SeriesC, new StageDynamics(new LognormalLaw(2.4, 4.5), new LognormalLaw(1.8, 3), 0.12, 3e8));
        return new RoundDynamics(byStage);
    }

    private static StrategyRow option(
            String sector, Stage stage, String name, double reserveRatio, int deals, FollowOnPolicy policy) {
        return new StrategyRow(new BucketSpec(sector, stage, 1e6, reserveRatio), name, deals, 10e6, policy);
    }

    private static byte[] floatBytes(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            bytes.putFloat(value);
        }
        return bytes.array();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
