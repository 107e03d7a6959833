package dev.vcportfolio.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SolverSettingsTest {

    @Test
    void only_milp_solvers_can_be_configured_as_backends() {
        // given
        var defaults = SolverSettings.defaults();

        // when / then: GLOP only names answers an LP proved; it cannot branch
        assertThatThrownBy(() -> defaults.withBackends(List.of(Backend.SCIP, Backend.GLOP)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MILP solvers");
        assertThat(defaults.withBackends(List.of(Backend.CBC, Backend.SCIP)).backends())
                .containsExactly(Backend.CBC, Backend.SCIP);
    }
}
