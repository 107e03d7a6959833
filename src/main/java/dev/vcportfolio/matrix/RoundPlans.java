package dev.vcportfolio.matrix;

import dev.vcportfolio.calibration.CalibrationView;
import dev.vcportfolio.core.key.MatrixKey;
import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.Stage;
import dev.vcportfolio.core.scenario.BucketPlan;
import dev.vcportfolio.core.scenario.FollowOnMode;
import dev.vcportfolio.core.scenario.FollowOnPolicy;
import dev.vcportfolio.core.scenario.FundTimeline;
import dev.vcportfolio.core.scenario.LognormalLaw;
import dev.vcportfolio.core.scenario.RoundByRoundGenerator;
import dev.vcportfolio.core.scenario.RoundDynamics;
import dev.vcportfolio.core.scenario.RoundSpec;
import dev.vcportfolio.core.scenario.Seed;
import dev.vcportfolio.core.scenario.StageDynamics;
import dev.vcportfolio.core.scenario.StrategyRow;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code round_by_round_v1} generation request in canonical form (DESIGN 13). As for the one-period model the key's
 * JSON is the plan: defaults resolved (fund timeline, entry valuations from the calibration, follow-on policies, deal
 * counts per row), rows sorted by key, the calibration's round dynamics (or industry-benchmark-v2's) included, so every
 * input that changes a matrix changes the key and equivalent requests share one.
 */
final class RoundPlans {

    private RoundPlans() {}

    static Map<String, Object> tree(GenerationRequest request, CalibrationView calibration) {
        RoundDynamics dynamics = calibration.roundDynamicsOrBenchmark();
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("keySchemaVersion", MatrixKey.SCHEMA_VERSION);
        tree.put("simModelVersion", RoundByRoundGenerator.MODEL_VERSION);
        tree.put("matrixType", "moic");
        tree.put("fundId", request.fundId() == null ? null : request.fundId().toString());
        tree.put("scenarioCount", request.scenarioCount());
        tree.put("fund", fund(timeline(request.fund())));
        tree.put("rows", rows(request, dynamics));
        Map<String, Object> calibrationTree = GenerationPlans.calibration(calibration);
        calibrationTree.put("roundDynamics", dynamics(dynamics));
        tree.put("calibration", calibrationTree);
        tree.put(
                "regimes",
                GenerationPlans.regimes(
                        request.regimes() != null
                                ? request.regimes()
                                : calibration.modelParams().regimes()));
        return tree;
    }

    /** The simulation a stored round-by-round key describes; IllegalArgumentException when the values make none. */
    static RoundSpec spec(MatrixKey key, JsonObject tree) {
        JsonObject fund = tree.getJsonObject("fund");
        List<StrategyRow> rows = new ArrayList<>();
        for (Object item : tree.getJsonArray("rows")) {
            JsonObject row = (JsonObject) item;
            JsonObject followOn = row.getJsonObject("followOn");
            rows.add(new StrategyRow(
                    new BucketSpec(
                            row.getString("sector"),
                            Stage.valueOf(row.getString("stage")),
                            row.getDouble("initialCheck"),
                            row.getDouble("reserveRatio")),
                    row.getString("option"),
                    row.getInteger("dealsPerBucket"),
                    row.getDouble("entryValuation"),
                    new FollowOnPolicy(
                            FollowOnMode.valueOf(followOn.getString("mode")),
                            followOn.getDouble("multiple"),
                            followOn.getDouble("participation"),
                            followOn.getInteger("rounds"))));
        }
        JsonObject calibration = tree.getJsonObject("calibration");
        return new RoundSpec(
                rows,
                tree.getInteger("scenarioCount"),
                GenerationPlans.calibration(calibration, tree.getJsonArray("regimes")),
                dynamics(calibration.getJsonObject("roundDynamics")),
                new FundTimeline(
                        fund.getDouble("investmentPeriodYears"),
                        fund.getInteger("termYears"),
                        fund.getInteger("extensionYears")),
                Map.of(),
                Seed.ofHex(key.hex()));
    }

    static FundTimeline timeline(FundTimelineRequest request) {
        FundTimeline d = FundTimeline.DEFAULT;
        if (request == null) {
            return d;
        }
        return new FundTimeline(
                request.investmentPeriodYears() != null ? request.investmentPeriodYears() : d.investmentPeriodYears(),
                request.termYears() != null ? request.termYears() : d.termYears(),
                request.extensionYears() != null ? request.extensionYears() : d.extensionYears());
    }

    static FollowOnPolicy policy(FollowOnRequest request) {
        if (request == null) {
            return FollowOnPolicy.PRO_RATA;
        }
        FollowOnMode mode = request.mode() != null ? request.mode() : FollowOnMode.proRata;
        return new FollowOnPolicy(
                mode,
                mode == FollowOnMode.fixed && request.multiple() != null ? request.multiple() : 0,
                request.participation() != null ? request.participation() : 1,
                request.rounds() != null ? request.rounds() : FollowOnPolicy.EVERY_ROUND);
    }

    /** The rows a bucket makes: one per reserve option, else one of its own. */
    static List<StrategyRow> rowsOf(GenerationRequest request, GenerationBucketRequest b, RoundDynamics dynamics) {
        double entryValuation = b.entryValuation() != null
                ? b.entryValuation()
                : dynamics.of(b.stage()).entryPostMoney();
        List<StrategyRow> rows = new ArrayList<>();
        if (b.reserveOptions() == null) {
            BucketSpec bucket = new BucketSpec(b.sector(), b.stage(), b.initialCheck(), b.reserveRatio());
            rows.add(new StrategyRow(bucket, "", deals(request, b, bucket), entryValuation, policy(b.followOn())));
            return rows;
        }
        for (ReserveOptionRequest option : b.reserveOptions()) {
            BucketSpec bucket = new BucketSpec(b.sector(), b.stage(), b.initialCheck(), option.reserveRatio());
            rows.add(new StrategyRow(
                    bucket, option.name(), deals(request, b, bucket), entryValuation, policy(option.followOn())));
        }
        return rows;
    }

    private static int deals(GenerationRequest request, GenerationBucketRequest b, BucketSpec bucket) {
        if (b.dealsPerBucket() != null) {
            return b.dealsPerBucket();
        }
        return request.fundSize() != null && request.bucketMaxWeight() != null
                ? BucketPlan.defaultDeals(request.fundSize(), request.bucketMaxWeight(), bucket)
                : 1;
    }

    private static List<Object> rows(GenerationRequest request, RoundDynamics dynamics) {
        List<StrategyRow> rows = new ArrayList<>();
        for (GenerationBucketRequest b : request.buckets()) {
            rows.addAll(rowsOf(request, b, dynamics));
        }
        rows.sort(Comparator.comparing(StrategyRow::key));
        List<Object> tree = new ArrayList<>();
        for (StrategyRow row : rows) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("sector", row.bucket().sector());
            node.put("stage", row.bucket().stage().name());
            node.put("option", row.option());
            node.put("initialCheck", row.bucket().initialCheck());
            node.put("reserveRatio", row.bucket().reserveRatio());
            node.put("dealsPerBucket", row.deals());
            node.put("entryValuation", row.entryValuation());
            node.put(
                    "followOn",
                    Map.of(
                            "mode", row.followOn().mode().name(),
                            "multiple", row.followOn().multiple(),
                            "participation", row.followOn().participation(),
                            "rounds", row.followOn().rounds()));
            tree.add(node);
        }
        return tree;
    }

    private static Map<String, Object> fund(FundTimeline fund) {
        return Map.of(
                "investmentPeriodYears", fund.investmentPeriodYears(),
                "termYears", fund.termYears(),
                "extensionYears", fund.extensionYears());
    }

    private static Map<String, Object> dynamics(RoundDynamics dynamics) {
        Map<String, Object> byStage = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            StageDynamics d = dynamics.of(stage);
            byStage.put(
                    stage.name(),
                    Map.of(
                            "yearsToNextRound", law(d.yearsToNextRound()),
                            "stepUp", law(d.stepUp()),
                            "dilution", d.dilution(),
                            "entryPostMoney", d.entryPostMoney()));
        }
        return byStage;
    }

    private static Map<String, Object> law(LognormalLaw law) {
        return Map.of("median", law.median(), "p90", law.p90());
    }

    private static RoundDynamics dynamics(JsonObject json) {
        Map<Stage, StageDynamics> byStage = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            JsonObject d = json.getJsonObject(stage.name());
            byStage.put(
                    stage,
                    new StageDynamics(
                            law(d.getJsonObject("yearsToNextRound")),
                            law(d.getJsonObject("stepUp")),
                            d.getDouble("dilution"),
                            d.getDouble("entryPostMoney")));
        }
        return new RoundDynamics(byStage);
    }

    private static LognormalLaw law(JsonObject json) {
        return new LognormalLaw(json.getDouble("median"), json.getDouble("p90"));
    }
}
