package dev.vcportfolio.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vcportfolio.core.model.CashflowMatrix;
import dev.vcportfolio.core.model.Stage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Round-by-round cases whose answers follow from the rules of DESIGN 13 by hand. */
class RoundByRoundAnalyticTest {

    /** Seed companies raise a Series A after exactly 2 years at a step-up of 3 selling 20 %, then exit a year later. */
    private static final Calibration GRADUATE_THEN_EXIT =
            Rounds.chain(Map.of(Stage.Seed, new StageTransition(0, 1, 0), Stage.SeriesA, new StageTransition(1, 0, 0)));

    private static final RoundDynamics TWO_YEARS_STEP_UP_3 = twoYearSeed();

    @Test
    void pro_rata_buys_exactly_0_6_of_the_cheque_two_years_after_entry() {
        // given one deal a cell, entering at year 4 * 0.5 = 2
        RoundSpec spec = Rounds.spec(
                List.of(Rounds.row("SaaS", 1.0, 1, FollowOnPolicy.PRO_RATA)),
                200,
                GRADUATE_THEN_EXIT,
                TWO_YEARS_STEP_UP_3);

        // when
        RoundGenerationResult result = Rounds.generate(spec);

        // then o * dilution * V' = (c / V) * 0.2 * 3V = 0.6c, ownership kept, in year 2 + 2 = 4
        RowStatistics row = result.rows().getFirst();
        assertThat(row.reserveDeployment()).isCloseTo(0.6, within(1e-12));
        assertThat(row.meanOwnershipAtExit()).isCloseTo(Rounds.CHECK / Rounds.ENTRY_VALUATION, within(1e-15));
        assertThat(row.meanYearsToExit()).isCloseTo(3, within(1e-12));
        assertThat(row.exitShare()).isEqualTo(1);
        CashflowMatrix flows = result.cashflows();
        double cost = Rounds.CHECK * 2;
        for (int s = 0; s < 200; s++) {
            assertThat(flows.value(0, s, 2)).isEqualTo((float) (-Rounds.CHECK / cost));
            assertThat(flows.value(0, s, 4)).isEqualTo((float) (-0.6 * Rounds.CHECK / cost));
            assertThat(flows.value(0, s, 5))
                    .as("the exit, a year after the Series A")
                    .isPositive();
        }
    }

    @Test
    void a_reserve_below_the_pro_rata_cheque_caps_it() {
        // given a reserve of half the cheque, below the 0.6 pro rata wants
        RoundSpec spec = Rounds.spec(
                List.of(Rounds.row("SaaS", 0.5, 3, FollowOnPolicy.PRO_RATA)),
                100,
                GRADUATE_THEN_EXIT,
                TWO_YEARS_STEP_UP_3);

        // when
        RowStatistics row = Rounds.generate(spec).rows().getFirst();

        // then the partial cheque 0.5c buys 0.5c / 3V; ownership c/V * 0.8 + 0.5c / 3V
        assertThat(row.reserveDeployment()).isCloseTo(0.5, within(1e-12));
        double o = Rounds.CHECK / Rounds.ENTRY_VALUATION;
        assertThat(row.meanOwnershipAtExit())
                .isCloseTo(o * 0.8 + 0.5 * Rounds.CHECK / (3 * Rounds.ENTRY_VALUATION), within(1e-15));
    }

    @Test
    void without_participation_there_is_no_follow_on_and_ownership_is_diluted_by_0_8() {
        // given
        FollowOnPolicy never = new FollowOnPolicy(FollowOnMode.proRata, 0, 0, FollowOnPolicy.EVERY_ROUND);
        RoundSpec spec =
                Rounds.spec(List.of(Rounds.row("SaaS", 1.0, 4, never)), 100, GRADUATE_THEN_EXIT, TWO_YEARS_STEP_UP_3);

        // when
        RoundGenerationResult result = Rounds.generate(spec);

        // then
        RowStatistics row = result.rows().getFirst();
        assertThat(row.reserveDeployment()).isZero();
        assertThat(result.followOns()).isZero();
        assertThat(row.meanOwnershipAtExit()).isCloseTo(0.8 * Rounds.CHECK / Rounds.ENTRY_VALUATION, within(1e-15));
    }

    @Test
    void when_every_company_fails_at_seed_each_cell_is_the_unused_reserve_share() {
        // given
        Calibration fail = Rounds.chain(Map.of(Stage.Seed, new StageTransition(0, 0, 1)));
        double reserveRatio = 1.5;
        RoundSpec spec = Rounds.spec(
                List.of(Rounds.row("SaaS", reserveRatio, 5, FollowOnPolicy.PRO_RATA)), 300, fail, TWO_YEARS_STEP_UP_3);

        // when
        RoundGenerationResult result = Rounds.generate(spec);

        // then
        for (float cell : result.moic().values()) {
            assertThat(cell).isEqualTo((float) (reserveRatio / (1 + reserveRatio)));
        }
        assertThat(result.rows().getFirst().exitShare()).isZero();
        assertThat(result.rows().getFirst().pWin()).isZero();
    }

    @Test
    void fixed_follow_ons_buy_the_stated_multiple_in_the_supported_rounds_only() {
        // given Seed -> A -> B -> exit, a fixed 0.25 cheque for the first round after entry only
        Calibration twoRounds = Rounds.chain(Map.of(
                Stage.Seed, new StageTransition(0, 1, 0),
                Stage.SeriesA, new StageTransition(0, 1, 0),
                Stage.SeriesB, new StageTransition(1, 0, 0)));
        FollowOnPolicy firstOnly = new FollowOnPolicy(FollowOnMode.fixed, 0.25, 1, 1);
        RoundSpec spec = Rounds.spec(
                List.of(Rounds.row("SaaS", 2.0, 2, firstOnly)), 50, twoRounds, Rounds.fixedDynamics(1, 2, 0.1));

        // when
        RowStatistics row = Rounds.generate(spec).rows().getFirst();

        // then
        assertThat(row.reserveDeployment()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void a_company_still_private_at_the_horizon_is_held_at_its_last_post_money() {
        // given Seed companies that stay for ever, rounds of 5 years: the first round at entry + 5 passes nothing
        Calibration stay = Rounds.chain(Map.of(Stage.Seed, new StageTransition(0, 0, 0)));
        RoundSpec spec = new RoundSpec(
                List.of(Rounds.row("SaaS", 1.0, 2, FollowOnPolicy.PRO_RATA)),
                20,
                stay,
                Rounds.fixedDynamics(5, 2, 0.2),
                new FundTimeline(2, 3, 0),
                Map.of(),
                Scenarios.seed(3));

        // when
        RoundGenerationResult result = Rounds.generate(spec);

        // then NAV = o * V = the cheque, so MOIC = (c + reserve c) / 2c = 1, and the NAV plane holds c / 2c
        CashflowMatrix flows = result.cashflows();
        assertThat(flows.yearCount()).isEqualTo(5);
        for (int s = 0; s < 20; s++) {
            assertThat(result.moic().value(0, s)).isEqualTo(1f);
            assertThat(flows.value(0, s, 4)).isEqualTo(0.5f);
            assertThat(flows.value(0, s, 3)).isZero();
        }
        assertThat(result.rows().getFirst().privateShare()).isEqualTo(1);
    }

    private static RoundDynamics twoYearSeed() {
        Map<Stage, StageDynamics> byStage = new java.util.EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            byStage.put(
                    stage,
                    new StageDynamics(
                            LognormalLaw.fixed(stage == Stage.Seed ? 2 : 1),
                            LognormalLaw.fixed(3),
                            0.2,
                            Rounds.ENTRY_VALUATION));
        }
        return new RoundDynamics(byStage);
    }
}
