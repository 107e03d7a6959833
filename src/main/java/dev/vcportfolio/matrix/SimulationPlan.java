package dev.vcportfolio.matrix;

import dev.vcportfolio.core.scenario.RoundSpec;
import dev.vcportfolio.core.scenario.ScenarioSpec;
import dev.vcportfolio.core.scenario.Seed;

/** The simulation a generated matrix's key describes, in either model. */
sealed interface SimulationPlan {

    /** The calibration snapshot the plan was made with. */
    String calibrationVersion();

    /** The same plan with another scenario count and seed (fresh out-of-sample scenarios). */
    SimulationPlan fresh(int scenarios, Seed seed);

    /** {@code three_component_v1}: one MOIC per (bucket, scenario). */
    record ThreeComponent(ScenarioSpec spec) implements SimulationPlan {
        @Override
        public String calibrationVersion() {
            return spec.calibration().version();
        }

        @Override
        public SimulationPlan fresh(int scenarios, Seed seed) {
            return new ThreeComponent(new ScenarioSpec(
                    spec.buckets(), scenarios, spec.calibration(), spec.recycling(), spec.sectorAdjustments(), seed));
        }
    }

    /** {@code round_by_round_v1}: MOIC and cash flows per (strategy row, scenario). */
    record RoundByRound(RoundSpec spec) implements SimulationPlan {
        @Override
        public String calibrationVersion() {
            return spec.calibration().version();
        }

        @Override
        public SimulationPlan fresh(int scenarios, Seed seed) {
            return new RoundByRound(new RoundSpec(
                    spec.rows(),
                    scenarios,
                    spec.calibration(),
                    spec.dynamics(),
                    spec.fund(),
                    spec.sectorAdjustments(),
                    seed));
        }
    }
}
