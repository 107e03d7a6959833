package dev.vcportfolio.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.core.model.Stage;
import org.junit.jupiter.api.Test;

class ConstraintReportTest {

    private static final double TOL = 1e-6;

    @Test
    void answer_meets_every_limit_recomputed_from_the_matrix() {
        // given
        var limits = RiskLimits.none()
                .withBucketMaxWeight(0.3)
                .withSector("S0", new GroupBounds(0.3, 0.7))
                .withStage(Stage.Seed, new GroupBounds(0.1, 0.5))
                .withMaxLossProbability(0.35)
                .withCvar(0.9, 0.8)
                .withMinExpectedWinners(1);
        var request = Fixtures.request(Fixtures.random(8, 60, 11), limits);

        // when
        var result = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, SolverSettings.defaults()));

        // then: against the limits in force (relaxation, if any, is logged and checked elsewhere)
        var applied = result.appliedLimits();
        double cap = applied.bucketMaxWeight();
        double lossLimit = applied.maxLossProbability();
        double cvarLimit = applied.cvarLimit();
        double minWinners = applied.minExpectedWinners();
        var sectorBounds = applied.sectorBounds().get("S0");
        var seedBounds = applied.stageBounds().get(Stage.Seed);
        double[] w = result.weights();
        var m = request.matrix();
        double sum = 0;
        double sector0 = 0;
        double seed = 0;
        double winners = 0;
        for (int b = 0; b < w.length; b++) {
            assertThat(w[b]).isBetween(0.0, cap + TOL);
            sum += w[b];
            var spec = request.buckets().get(b);
            sector0 += spec.sector().equals("S0") ? w[b] : 0;
            seed += spec.stage() == Stage.Seed ? w[b] : 0;
            winners += w[b]
                    * request.fundSize()
                    / spec.allInCost()
                    * request.winProbabilities().get(b);
        }
        int losses = 0;
        double[] shortfall = new double[m.scenarioCount()];
        double mean = 0;
        for (int s = 0; s < m.scenarioCount(); s++) {
            double moic = 0;
            for (int b = 0; b < w.length; b++) {
                moic += w[b] * m.value(b, s);
            }
            mean += moic / m.scenarioCount();
            losses += moic < 1 ? 1 : 0;
            shortfall[s] = Math.max(0, 1 - moic);
        }
        java.util.Arrays.sort(shortfall);
        // Worst 10 % of 60 scenarios = the 6 largest shortfalls.
        double cvar = 0;
        for (int i = 0; i < 6; i++) {
            cvar += shortfall[shortfall.length - 1 - i] / 6;
        }
        assertThat(sum).isCloseTo(1, org.assertj.core.data.Offset.offset(TOL));
        assertThat(sector0).isBetween(sectorBounds.min() - TOL, sectorBounds.max() + TOL);
        assertThat(seed).isBetween(seedBounds.min() - TOL, seedBounds.max() + TOL);
        assertThat(winners).isGreaterThanOrEqualTo(minWinners - TOL);
        assertThat(losses).isLessThanOrEqualTo((int) Math.floor(lossLimit * 60 + 1e-9));
        assertThat(cvar).isLessThanOrEqualTo(cvarLimit + TOL);
        assertThat(result.expectedMoic()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.expectedMoic()).isGreaterThanOrEqualTo(result.pass1EStar() - 0.001 - 1e-9);
        assertThat(result.verified()).isTrue();
        assertThat(result.constraints()).allMatch(ConstraintCheck::satisfied);
        assertThat(result.constraints().stream().anyMatch(ConstraintCheck::relaxed))
                .isEqualTo(!result.relaxation().isEmpty());
        assertThat(result.allocation()).allSatisfy(a -> {
            assertThat(a.dollars()).isCloseTo(a.weight() * 100_000_000, org.assertj.core.data.Offset.offset(1e-3));
            assertThat(a.deals()).isEqualTo(Math.round(a.dollars() / 2_000_000));
        });
    }

    @Test
    void cvar_of_the_checker_matches_the_sorted_tail_mean() {
        // given
        double[] losses = {0, 0, 0.1, 0.5, 0.9, 0, 0.2, 0.3, 0, 1};

        // when
        double cvar = PortfolioMeasures.cvar(losses, 0.8);

        // then: the worst 2 of 10
        assertThat(cvar).isCloseTo(0.95, org.assertj.core.data.Offset.offset(1e-12));
    }
}
