package dev.vcportfolio.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SensitivityTest {

    @Test
    void each_gain_is_what_a_re_solve_with_that_limit_loosened_gains() {
        // given a binding loss limit, a cap and a sector maximum on a seeded 6-row fund in whole deals
        var limits = RiskLimits.none()
                .withBucketMaxWeight(0.4)
                .withMaxLossProbability(0.3)
                .withSector("S1", new GroupBounds(0, 0.5));
        var request = WholeDealsTest.wholeDealsOf(Fixtures.random(6, 40, 31), limits);
        var settings = SolverSettings.defaults();
        var answer = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, settings));

        // when
        var rows =
                Sensitivity.of(Fixtures.OPTIMIZER, request, answer, settings, Fixtures.budget(Duration.ofSeconds(60)));

        // then one row per limit in force, in the report's order, each gain that of an independent re-solve
        assertThat(rows)
                .extracting(Sensitivity.Row::kind)
                .containsExactly(ConstraintKind.BUCKET_CAP, ConstraintKind.SECTOR_MAX, ConstraintKind.LOSS_PROBABILITY);
        assertThat(rows).extracting(Sensitivity.Row::to).containsExactly(0.45, 0.55, 0.35);
        double gap = settings.relativeGap() * answer.pass1EStar();
        for (var row : rows) {
            var looser = switch (row.kind()) {
                case BUCKET_CAP -> limits.withBucketMaxWeight(row.to());
                case SECTOR_MAX -> limits.withSector("S1", new GroupBounds(0, row.to()));
                case LOSS_PROBABILITY -> limits.withMaxLossProbability(row.to());
                default -> throw new AssertionError(row);
            };
            var resolved = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request.withLimits(looser), settings));
            assertThat(row.proven()).isTrue();
            assertThat(row.gain()).isGreaterThanOrEqualTo(0);
            assertThat(row.expectedMoic()).isCloseTo(resolved.pass1EStar(), within(2 * gap + 1e-9));
            assertThat(row.gain()).isCloseTo(resolved.pass1EStar() - answer.pass1EStar(), within(2 * gap + 1e-9));
        }
        // and the loss limit is what binds here: loosening it buys more than nothing
        assertThat(rows.get(2).gain()).isPositive();
    }

    @Test
    void limits_at_their_loosest_get_no_row() {
        assertThat(Sensitivity.moves(RiskLimits.none())).isEmpty();
        var moves = Sensitivity.moves(RiskLimits.none()
                .withCvar(0.9, 0.98)
                .withMinExpectedWinners(0.5)
                .withStage(dev.vcportfolio.core.model.Stage.Seed, new GroupBounds(0.2, 1)));
        assertThat(moves)
                .extracting(Sensitivity.Move::kind)
                .containsExactly(ConstraintKind.STAGE_MIN, ConstraintKind.CVAR, ConstraintKind.EXPECTED_WINNERS);
        // each loosened to its step, never past the loosest value
        assertThat(moves).extracting(Sensitivity.Move::to).containsExactly(0.15, 1.0, 0.0);
    }
}
