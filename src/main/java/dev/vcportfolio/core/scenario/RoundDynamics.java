package dev.vcportfolio.core.scenario;

import dev.vcportfolio.core.model.Stage;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The calibration v2 fields (DESIGN 13): per stage, time to the next round, the step-up and dilution of the round into
 * it, and the usual entry valuation.
 *
 * @param byStage one entry for every {@link Stage}
 */
public record RoundDynamics(Map<Stage, StageDynamics> byStage) {

    public RoundDynamics {
        if (byStage == null) {
            throw new IllegalArgumentException("round dynamics are required");
        }
        EnumMap<Stage, StageDynamics> copy = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            StageDynamics dynamics = byStage.get(stage);
            if (dynamics == null) {
                throw new IllegalArgumentException("round dynamics lack stage " + stage);
            }
            copy.put(stage, dynamics);
        }
        byStage = Collections.unmodifiableMap(copy);
    }

    public StageDynamics of(Stage stage) {
        return byStage.get(stage);
    }
}
