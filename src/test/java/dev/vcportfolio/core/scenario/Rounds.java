package dev.vcportfolio.core.scenario;

import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.Stage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Fixtures for the round-by-round model: hand-made chains and dynamics with known answers. */
final class Rounds {

    static final RoundByRoundGenerator GENERATOR = new RoundByRoundGenerator();
    static final List<Regime> FLAT = List.of(new Regime("flat", 1, 0, 0));
    static final double CHECK = 1_000_000;
    static final double ENTRY_VALUATION = 10_000_000;

    private Rounds() {}

    /** A chain with the given transition at every stage, the benchmark's exit laws, no regime or shocks. */
    static Calibration chain(Map<Stage, StageTransition> transitions) {
        Calibration benchmark = BenchmarkCalibration.industryBenchmarkV1();
        Map<Stage, StageTransition> all = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            all.put(stage, transitions.getOrDefault(stage, new StageTransition(0, 0, 1)));
        }
        return new Calibration("test", all, benchmark.exits(), 250, 8, FLAT, 0, ShockWeights.NONE);
    }

    /** Every stage lasts {@code years} exactly; every round into a stage steps up by {@code stepUp}, sells {@code sold}. */
    static RoundDynamics fixedDynamics(double years, double stepUp, double sold) {
        Map<Stage, StageDynamics> byStage = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            byStage.put(
                    stage,
                    new StageDynamics(LognormalLaw.fixed(years), LognormalLaw.fixed(stepUp), sold, ENTRY_VALUATION));
        }
        return new RoundDynamics(byStage);
    }

    static StrategyRow row(String sector, double reserveRatio, int deals, FollowOnPolicy policy) {
        return new StrategyRow(
                new BucketSpec(sector, Stage.Seed, CHECK, reserveRatio), "", deals, ENTRY_VALUATION, policy);
    }

    static RoundSpec spec(List<StrategyRow> rows, int scenarios, Calibration calibration, RoundDynamics dynamics) {
        return new RoundSpec(rows, scenarios, calibration, dynamics, FundTimeline.DEFAULT, Map.of(), Scenarios.seed(7));
    }

    static RoundGenerationResult generate(RoundSpec spec) {
        return GENERATOR.generate(spec, GenerationControl.of(Scenarios.POOL, 2));
    }
}
