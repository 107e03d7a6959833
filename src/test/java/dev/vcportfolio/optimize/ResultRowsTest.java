package dev.vcportfolio.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.core.optimize.ConstraintKind;
import dev.vcportfolio.core.optimize.RelaxationStep;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultRowsTest {

    @Test
    void a_relaxation_entry_says_whether_its_move_was_proven_least() {
        // given
        var proven = new RelaxationStep(ConstraintKind.EXPECTED_WINNERS, "", "lowered", 3, 1.25, true, 1.25);
        var stopped = new RelaxationStep(ConstraintKind.CVAR, "", "raised", 0.5, 0.625, false, 0.5625);
        var unbounded = new RelaxationStep(ConstraintKind.CVAR, "", "raised", 0.5, 0.625, false, Double.NaN);

        // when
        var entries = ResultRows.relaxation(List.of(proven, stopped, unbounded));

        // then
        assertThat(entries)
                .extracting(
                        RelaxationEntry::constraint,
                        RelaxationEntry::provenLeast,
                        RelaxationEntry::provenBound,
                        RelaxationEntry::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "expectedWinners",
                                true,
                                1.25,
                                "The expected number of 10x winners was lowered from 3 to 1.25, the least change that"
                                        + " makes the request feasible."),
                        org.assertj.core.groups.Tuple.tuple(
                                "cvar",
                                false,
                                0.5625,
                                "The CVaR limit was raised from 0.5 to 0.625, a change that makes the request"
                                        + " feasible; the solver's limit stopped the search for a smaller one (none"
                                        + " goes beyond 0.5625)."),
                        org.assertj.core.groups.Tuple.tuple(
                                "cvar",
                                false,
                                null,
                                "The CVaR limit was raised from 0.5 to 0.625, a change that makes the request"
                                        + " feasible; the solver's limit stopped the search for a smaller one."));
    }
}
