package dev.vcportfolio.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.core.scenario.RoundByRoundGenerator;
import dev.vcportfolio.core.scenario.ScenarioGenerator;
import org.junit.jupiter.api.Test;

class SimModelTest {

    @Test
    void the_wire_names_are_the_generators_model_versions() {
        assertThat(SimModel.three_component_v1.name()).isEqualTo(ScenarioGenerator.MODEL_VERSION);
        assertThat(SimModel.round_by_round_v1.name()).isEqualTo(RoundByRoundGenerator.MODEL_VERSION);
    }
}
