package dev.vcportfolio.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.bench.SyntheticPortfolio;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Always an answer: a 16-bucket x 400-scenario fund (seeded) with its loss limit at and just beyond the edge of what
 * the least-loss search reaches. At the edge (plus two scenarios) an allocation meeting the limit comes back; just
 * beyond it the request is relaxed to what an allocation found reaches, never "unsolved", with the move's proof
 * status and bound logged.
 */
class EdgeOfFeasibilityTest {

    private static final int SCENARIOS = 400;
    private static final SolverSettings SETTINGS = SolverSettings.defaults().withTimeLimit(Duration.ofSeconds(5));

    /** Limits besides the loss limit: two sector bounds, then with a binding CVaR limit, then with winners. */
    private static RiskLimits others(String variant) {
        var sectors = RiskLimits.none()
                .withBucketMaxWeight(0.2)
                .withSector("AI", new GroupBounds(0, 0.3))
                .withSector("Bio", new GroupBounds(0.2, 1));
        return switch (variant) {
            case "sectors" -> sectors;
            case "sectors and CVaR" -> sectors.withCvar(0.95, 0.9);
            case "winners, no sectors" ->
                RiskLimits.none().withBucketMaxWeight(0.2).withMinExpectedWinners(1);
            default -> throw new IllegalArgumentException(variant);
        };
    }

    private static int edge(RiskLimits others) {
        var free = Instance.of(SyntheticPortfolio.request(16, SCENARIOS, 1, others), true);
        var fewest = PrimalHeuristic.fewestLosses(free, Budget.generous()).orElseThrow();
        return free.scenarios().mass(fewest.losing());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sectors", "sectors and CVaR", "winners, no sectors"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void at_the_edge_an_allocation_meeting_the_limit_comes_back(String variant) {
        // given
        var others = others(variant);
        double limit = (edge(others) + 2) / (double) SCENARIOS;
        var request = SyntheticPortfolio.request(16, SCENARIOS, 1, others.withMaxLossProbability(limit));

        // when
        var result = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, SETTINGS));

        // then
        assertThat(result.relaxation()).isEmpty();
        assertThat(result.verified()).isTrue();
        assertThat(result.constraints()).allMatch(ConstraintCheck::satisfied);
        assertThat(PortfolioMeasures.of(request.matrix(), result.weights(), 0.95)
                        .lossProbability())
                .isLessThanOrEqualTo(limit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sectors", "sectors and CVaR", "winners, no sectors"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void just_beyond_the_edge_the_loss_limit_is_relaxed_to_what_an_allocation_reaches(String variant) {
        // given
        var others = others(variant);
        int edge = edge(others);
        double limit = (edge - 4) / (double) SCENARIOS;
        var request = SyntheticPortfolio.request(16, SCENARIOS, 1, others.withMaxLossProbability(limit));

        // when
        var outcome = Fixtures.OPTIMIZER.optimize(request, SETTINGS);

        // then: an answer, never "unsolved"; the loss limit moved no further than the least-loss search reaches
        var result = Fixtures.solved(outcome);
        assertThat(result.verified()).isTrue();
        var loss = result.relaxation().stream()
                .filter(s -> s.kind() == ConstraintKind.LOSS_PROBABILITY)
                .findFirst();
        if (loss.isPresent()) {
            var step = loss.get();
            assertThat(step.direction()).isEqualTo("raised");
            assertThat(step.newValue()).isBetween(limit, edge / (double) SCENARIOS);
            assertThat(result.appliedLimits().maxLossProbability()).isEqualTo(step.newValue());
            if (!step.provenLeast()) {
                assertThat(step.provenBound()).isLessThanOrEqualTo(step.newValue());
            }
        } else {
            // the solver found what the heuristic did not: the limit as asked is met
            assertThat(PortfolioMeasures.of(request.matrix(), result.weights(), 0.95)
                            .lossProbability())
                    .isLessThanOrEqualTo(limit);
        }
    }
}
