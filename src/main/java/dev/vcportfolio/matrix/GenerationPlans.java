package dev.vcportfolio.matrix;

import dev.vcportfolio.calibration.CalibrationView;
import dev.vcportfolio.calibration.ModelParams;
import dev.vcportfolio.calibration.Regime;
import dev.vcportfolio.core.key.MatrixKey;
import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.Stage;
import dev.vcportfolio.core.scenario.BucketPlan;
import dev.vcportfolio.core.scenario.Calibration;
import dev.vcportfolio.core.scenario.ExitOutcome;
import dev.vcportfolio.core.scenario.Recycling;
import dev.vcportfolio.core.scenario.RoundByRoundGenerator;
import dev.vcportfolio.core.scenario.ScenarioGenerator;
import dev.vcportfolio.core.scenario.ScenarioSpec;
import dev.vcportfolio.core.scenario.Seed;
import dev.vcportfolio.core.scenario.ShockWeights;
import dev.vcportfolio.core.scenario.StageTransition;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generation request in canonical form. The key's JSON <em>is</em> the plan: the worker rebuilds the simulation
 * from the stored {@code matrix_key_json} (values already rounded to 6 decimals), so every request with the same key
 * simulates exactly the same inputs.
 */
final class GenerationPlans {

    private GenerationPlans() {}

    /** The canonical tree of the request's model (a {@code round_by_round_v1} request's: {@link RoundPlans#tree}). */
    static Map<String, Object> tree(GenerationRequest request, CalibrationView calibration) {
        return request.model() == SimModel.round_by_round_v1
                ? RoundPlans.tree(request, calibration)
                : threeComponentTree(request, calibration);
    }

    /** The one-period tree: defaults applied, buckets by key, regimes by name with min/max in order, recycling normalized. */
    private static Map<String, Object> threeComponentTree(GenerationRequest request, CalibrationView calibration) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("keySchemaVersion", MatrixKey.SCHEMA_VERSION);
        tree.put("simModelVersion", ScenarioGenerator.MODEL_VERSION);
        tree.put("matrixType", "moic");
        tree.put("fundId", request.fundId() == null ? null : request.fundId().toString());
        tree.put("scenarioCount", request.scenarioCount());
        tree.put("buckets", buckets(request));
        tree.put("calibration", calibration(calibration));
        List<Regime> regimes = request.regimes() != null
                ? request.regimes()
                : calibration.modelParams().regimes();
        tree.put("regimes", regimes(regimes));
        tree.put("recycling", recycling(request.recycling()));
        return tree;
    }

    /** The simulation a stored key describes; throws IllegalArgumentException when the values do not make one. */
    static SimulationPlan plan(MatrixKey key) {
        JsonObject tree = new JsonObject(key.canonicalJson());
        return RoundByRoundGenerator.MODEL_VERSION.equals(tree.getString("simModelVersion"))
                ? new SimulationPlan.RoundByRound(RoundPlans.spec(key, tree))
                : new SimulationPlan.ThreeComponent(threeComponentSpec(key, tree));
    }

    private static ScenarioSpec threeComponentSpec(MatrixKey key, JsonObject tree) {
        List<BucketPlan> buckets = new ArrayList<>();
        for (Object item : tree.getJsonArray("buckets")) {
            JsonObject bucket = (JsonObject) item;
            buckets.add(new BucketPlan(
                    new BucketSpec(
                            bucket.getString("sector"),
                            Stage.valueOf(bucket.getString("stage")),
                            bucket.getDouble("initialCheck"),
                            bucket.getDouble("reserveRatio")),
                    bucket.getInteger("dealsPerBucket")));
        }
        JsonObject recycling = tree.getJsonObject("recycling");
        return new ScenarioSpec(
                buckets,
                tree.getInteger("scenarioCount"),
                calibration(tree.getJsonObject("calibration"), tree.getJsonArray("regimes")),
                new Recycling(
                        recycling.getBoolean("enabled"),
                        recycling.getDouble("utilization"),
                        recycling.getDouble("cashMultiple"),
                        recycling.getInteger("maxRecycleDeals")),
                Map.of(),
                Seed.ofHex(key.hex()));
    }

    private static List<Object> buckets(GenerationRequest request) {
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (GenerationBucketRequest b : request.buckets()) {
            BucketSpec spec = new BucketSpec(b.sector(), b.stage(), b.initialCheck(), b.reserveRatio());
            int deals = b.dealsPerBucket() != null
                    ? b.dealsPerBucket()
                    : request.fundSize() != null && request.bucketMaxWeight() != null
                            ? BucketPlan.defaultDeals(request.fundSize(), request.bucketMaxWeight(), spec)
                            : 1;
            Map<String, Object> bucket = new LinkedHashMap<>();
            bucket.put("sector", b.sector());
            bucket.put("stage", b.stage().name());
            bucket.put("initialCheck", b.initialCheck());
            bucket.put("reserveRatio", b.reserveRatio());
            bucket.put("dealsPerBucket", deals);
            buckets.add(bucket);
        }
        buckets.sort(Comparator.comparing(
                b -> BucketSpec.key((String) b.get("sector"), Stage.valueOf((String) b.get("stage")))));
        return List.copyOf(buckets);
    }

    static Map<String, Object> calibration(CalibrationView view) {
        Map<String, Object> transitions = new LinkedHashMap<>();
        view.transitionStats()
                .forEach((stage, rates) -> transitions.put(
                        stage.name(),
                        Map.of(
                                "exitRate", rates.exitRate(),
                                "graduateRate", rates.graduateRate(),
                                "failureRate", rates.failureRate())));
        Map<String, Object> exits = new LinkedHashMap<>();
        view.exitOutcomes()
                .forEach((stage, exit) ->
                        exits.put(stage.name(), Map.of("medianMOIC", exit.medianMOIC(), "p90MOIC", exit.p90MOIC())));
        ModelParams params = view.modelParams();
        Map<String, Object> calibration = new LinkedHashMap<>();
        calibration.put("version", view.version());
        calibration.put("transitionStats", transitions);
        calibration.put("exitOutcomes", exits);
        calibration.put("maxMoic", params.maxMoic());
        calibration.put("maxRounds", params.maxRounds());
        calibration.put("regimeImpact", params.regimeImpact());
        calibration.put("shockScale", params.shockScale());
        calibration.put("systematicWeight", params.systematicWeight());
        calibration.put("idiosyncraticWeight", params.idiosyncraticWeight());
        return calibration;
    }

    static List<Object> regimes(List<Regime> regimes) {
        return regimes.stream()
                .sorted(Comparator.comparing(Regime::name))
                .map(r -> (Object) Map.of(
                        "name", r.name(),
                        "probability", r.probability(),
                        "shockMin", Math.min(r.shockMin(), r.shockMax()),
                        "shockMax", Math.max(r.shockMin(), r.shockMax())))
                .toList();
    }

    private static Map<String, Object> recycling(RecyclingRequest request) {
        Recycling recycling = request == null || !request.enabled()
                ? Recycling.OFF
                : new Recycling(
                        true,
                        request.utilization() == null ? 0.5 : request.utilization(),
                        request.cashMultiple() == null ? 1 : request.cashMultiple(),
                        request.maxRecycleDeals() == null ? 1 : request.maxRecycleDeals());
        return Map.of(
                "enabled", recycling.enabled(),
                "utilization", recycling.utilization(),
                "cashMultiple", recycling.cashMultiple(),
                "maxRecycleDeals", recycling.maxRecycleDeals());
    }

    static Calibration calibration(JsonObject json, JsonArray regimeArray) {
        Map<Stage, StageTransition> transitions = new EnumMap<>(Stage.class);
        json.getJsonObject("transitionStats").forEach(entry -> {
            JsonObject rates = (JsonObject) entry.getValue();
            transitions.put(
                    Stage.valueOf(entry.getKey()),
                    new StageTransition(
                            rates.getDouble("exitRate"),
                            rates.getDouble("graduateRate"),
                            rates.getDouble("failureRate")));
        });
        Map<Stage, ExitOutcome> exits = new EnumMap<>(Stage.class);
        json.getJsonObject("exitOutcomes").forEach(entry -> {
            JsonObject exit = (JsonObject) entry.getValue();
            exits.put(
                    Stage.valueOf(entry.getKey()),
                    new ExitOutcome(exit.getDouble("medianMOIC"), exit.getDouble("p90MOIC")));
        });
        List<dev.vcportfolio.core.scenario.Regime> regimes = new ArrayList<>();
        for (Object item : regimeArray) {
            JsonObject regime = (JsonObject) item;
            regimes.add(new dev.vcportfolio.core.scenario.Regime(
                    regime.getString("name"),
                    regime.getDouble("probability"),
                    regime.getDouble("shockMin"),
                    regime.getDouble("shockMax")));
        }
        return new Calibration(
                json.getString("version"),
                transitions,
                exits,
                json.getDouble("maxMoic"),
                json.getInteger("maxRounds"),
                regimes,
                json.getDouble("regimeImpact"),
                new ShockWeights(
                        json.getDouble("shockScale"),
                        json.getDouble("systematicWeight"),
                        json.getDouble("idiosyncraticWeight")));
    }
}
