package dev.vcportfolio.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vcportfolio.core.economics.FundEconomics;
import dev.vcportfolio.core.economics.FundMetrics;
import dev.vcportfolio.core.economics.FundTerms;
import dev.vcportfolio.core.model.Stage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A round-by-round fund whose every company does the same thing, through the generator and the fund economics: the
 * LP metrics equal their closed forms.
 */
class DeterministicFundEconomicsTest {

    @Test
    void a_fund_whose_companies_all_grow_the_same_way_has_the_closed_form_irr_and_tvpi() {
        // given one Seed deal entering at year 2.0 (4-year investment period), a round every 3 years at a step-up of 3
        // selling 20 %, no follow-on: rounds at years 5, 8 and 11, still private at the 12-year horizon
        StageTransition graduate = new StageTransition(0, 1, 0);
        Calibration chain = Rounds.chain(Map.of(
                Stage.Seed, graduate, Stage.SeriesA, graduate, Stage.SeriesB, graduate, Stage.SeriesC, graduate));
        RoundSpec spec = Rounds.spec(
                List.of(Rounds.row("SaaS", 0, 1, FollowOnPolicy.PRO_RATA)), 20, chain, Rounds.fixedDynamics(3, 3, 0.2));

        // when
        var flows = Rounds.generate(spec).cashflows();
        FundMetrics metrics = FundEconomics.of(flows, new double[] {1}, 10e6, FundTerms.NONE, FundTimeline.DEFAULT);

        // then the stake is worth 0.8^3 x 3^3 = 13.824 times its cost at the horizon, ten years after entry
        double nav = Math.pow(0.8, 3) * Math.pow(3, 3);
        assertThat(metrics.netTvpi().p10()).isCloseTo(nav, within(1e-6));
        assertThat(metrics.netTvpi().p90()).isCloseTo(nav, within(1e-6));
        assertThat(metrics.netIrr().p50().orElseThrow()).isCloseTo(Math.pow(nav, 0.1) - 1, within(1e-7));
        assertThat(metrics.netIrr().undefinedShare()).isZero();
        assertThat(metrics.netDpiByYear().getLast().p90()).isZero();
        assertThat(metrics.jCurve().get(2).p50()).isCloseTo(-1, within(1e-6));
    }
}
