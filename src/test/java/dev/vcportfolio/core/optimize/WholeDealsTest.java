package dev.vcportfolio.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.core.model.BucketSpec;
import java.util.ArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole deals (DESIGN 15) against exhaustive search over every deal count: four rows whose deals cost 2M, 1.5M, 3M and
 * 1M of a 20M fund (steps 0.1, 0.075, 0.15 and 0.05 of it), so most counts leave part of the fund uninvested.
 */
class WholeDealsTest {

    private static final double FUND = 20_000_000;
    private static final double[] CHEQUES = {1_000_000, 750_000, 1_500_000, 500_000};

    @ParameterizedTest(name = "seed {0}, loss {1}, CVaR {2}, cap {3}, least {4}, sector max {5}")
    @CsvSource({
        // loose: settled without a search over loss sets
        "11, 1.0, 1.0, 0.5, 0, 1.0",
        // a binding loss limit, a binding CVaR, both
        "1, 0.30, 1.0, 0.5, 0, 1.0",
        "3, 1.0, 0.6, 0.5, 0, 1.0",
        "7, 0.45, 0.8, 0.6, 0, 1.0",
        "13, 0.30, 0.65, 0.5, 0, 1.0",
        "17, 0.25, 1.0, 0.45, 0, 1.0",
        // at least two deals in a used row
        "5, 0.40, 1.0, 0.5, 2, 1.0",
        "19, 0.45, 1.0, 0.6, 3, 1.0",
        // a sector maximum (no least investment claimed)
        "9, 0.40, 1.0, 0.6, 0, 0.45",
        "23, 0.45, 0.9, 0.5, 0, 0.5"
    })
    void optimum_equals_the_best_deal_counts(
            long seed, double loss, double cvar, double cap, int least, double sectorMax) {
        // given
        var limits = RiskLimits.none()
                .withBucketMaxWeight(cap)
                .withMaxLossProbability(loss)
                .withCvar(0.9, cvar)
                .withSector("S0", new GroupBounds(0, sectorMax));
        var request = wholeDeals(Fixtures.random(4, 20, seed), limits, least);
        var best = bestCounts(request, least);

        // when
        var result = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, SolverSettings.defaults()));

        // then
        assertThat(best.value()).isGreaterThan(Double.NEGATIVE_INFINITY);
        assertThat(result.relaxation()).isEmpty();
        assertThat(result.verified()).isTrue();
        assertThat(result.pass1EStar()).isLessThanOrEqualTo(best.value() + 1e-9);
        double gap = SolverSettings.defaults().relativeGap();
        assertThat(result.pass1EStar()).isGreaterThanOrEqualTo(best.value() * (1 - gap) - 1e-9);
        double invested = 0;
        for (int b = 0; b < CHEQUES.length; b++) {
            var row = result.allocation().get(b);
            double step = request.dealWeight(b);
            assertThat(row.weight()).isEqualTo(row.deals() * step);
            assertThat(row.deals() == 0 || row.deals() >= Math.max(1, least)).isTrue();
            assertThat(row.dollars())
                    .isCloseTo(row.deals() * request.buckets().get(b).allInCost(), within(1e-6));
            invested += row.weight();
        }
        assertThat(invested).isLessThanOrEqualTo(1 + 1e-12);
        assertThat(result.uninvested()).isCloseTo(1 - invested, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource({"1, 0.30", "7, 0.35"})
    void the_same_request_gives_the_same_deals(long seed, double loss) {
        var limits = RiskLimits.none().withBucketMaxWeight(0.5).withMaxLossProbability(loss);
        var request = wholeDeals(Fixtures.random(4, 20, seed), limits, 0);

        var first = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, SolverSettings.defaults()));
        var second = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, SolverSettings.defaults()));

        assertThat(second.weights()).containsExactly(first.weights());
        assertThat(second.allocation()).isEqualTo(first.allocation());
    }

    @ParameterizedTest
    @CsvSource({"1, 1.0", "3, 0.6"})
    void a_loss_limit_no_deal_count_meets_is_relaxed_to_the_least_the_counts_reach(long seed, double cvar) {
        // given a loss limit of 5 %: every count that can be bought loses in more scenarios than that
        var limits = RiskLimits.none()
                .withBucketMaxWeight(0.5)
                .withMaxLossProbability(0.05)
                .withCvar(0.9, cvar);
        var request = wholeDeals(Fixtures.random(4, 20, seed), limits, 0);
        double least = leastLossShare(request);

        // when
        var result = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, SolverSettings.defaults()));

        // then the loss limit is raised exactly to the least share any deal counts reach, proven, and met
        assertThat(least).isGreaterThan(0.05);
        var loss = result.relaxation().stream()
                .filter(step -> step.kind() == ConstraintKind.LOSS_PROBABILITY)
                .findFirst()
                .orElseThrow();
        assertThat(loss.newValue()).isCloseTo(least, within(1e-6));
        assertThat(loss.provenLeast()).isTrue();
        assertThat(result.verified()).isTrue();
        for (int b = 0; b < CHEQUES.length; b++) {
            var row = result.allocation().get(b);
            assertThat(row.weight()).isEqualTo(row.deals() * request.dealWeight(b));
        }
    }

    /**
     * The least loss share over every deal count (exhaustive), with the limits DESIGN 8 relaxes before the loss
     * probability at their loosest: the loss limit is decided first, the others after it.
     */
    private static double leastLossShare(OptimizationRequest request) {
        double best = 1;
        var others = request.limits().withCvar(request.limits().cvarConfidence(), 1);
        for (double share = 0; share <= 1 + 1e-9; share += 0.05) {
            var at = request.withLimits(others.withMaxLossProbability(Math.min(1, share)));
            if (bestCounts(at, 0).value() > Double.NEGATIVE_INFINITY) {
                return Math.min(1, share);
            }
        }
        return best;
    }

    @org.junit.jupiter.api.Test
    void deals_too_small_to_count_are_shares_and_the_rest_still_whole() {
        // given rows whose deals take 1e-7 of a 1e13 fund (ten million would fit), and one whose deal takes 0.15
        var plain =
                Fixtures.request(Fixtures.random(4, 20, 1), RiskLimits.none().withMaxLossProbability(0.4));
        var specs = new ArrayList<BucketSpec>();
        for (int b = 0; b < 4; b++) {
            var spec = plain.buckets().get(b);
            specs.add(new BucketSpec(spec.sector(), spec.stage(), b == 0 ? 0.75e12 : 500_000, 1.0));
        }
        var request = new OptimizationRequest(
                plain.matrix(), specs, 1e13, plain.winProbabilities(), plain.limits(), DealRules.whole(0));

        // when
        var result = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, SolverSettings.defaults()));

        // then the counted row holds whole deals of 0.15, the others any share, and their counts are rounded
        assertThat(result.verified()).isTrue();
        var counted = result.allocation().getFirst();
        assertThat(counted.weight()).isEqualTo(counted.deals() * 0.15);
        for (int b = 1; b < 4; b++) {
            var row = result.allocation().get(b);
            assertThat(row.deals()).isEqualTo(Math.round(row.dollars() / 1_000_000));
        }
        // and with only fine rows the request is the continuous one: the weights sum to 1
        var fine = new OptimizationRequest(
                plain.matrix(),
                specs.stream()
                        .map(x -> new BucketSpec(x.sector(), x.stage(), 500_000, 1.0))
                        .toList(),
                1e13,
                plain.winProbabilities(),
                plain.limits(),
                DealRules.whole(0));
        var shares = Fixtures.solved(Fixtures.OPTIMIZER.optimize(fine, SolverSettings.defaults()));
        assertThat(java.util.Arrays.stream(shares.weights()).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(shares.uninvested()).isCloseTo(0, within(1e-9));
    }

    @org.junit.jupiter.api.Test
    void a_fund_smaller_than_any_deal_buys_none_and_says_so() {
        // given a fund of 1e-320: one deal takes infinitely many times the capital
        var plain =
                Fixtures.request(Fixtures.random(2, 10, 3), RiskLimits.none().withMaxLossProbability(0.9));
        var request = new OptimizationRequest(
                plain.matrix(), plain.buckets(), 1e-320, plain.winProbabilities(), plain.limits(), DealRules.whole(0));

        // when
        var result = Fixtures.solved(Fixtures.OPTIMIZER.optimize(request, SolverSettings.defaults()));

        // then no deal, everything uninvested, and the loss limit relaxed to what that gives (every scenario loses)
        assertThat(result.allocation())
                .allSatisfy(row -> assertThat(row.deals()).isZero());
        assertThat(result.uninvested()).isEqualTo(1.0);
        assertThat(result.appliedLimits().maxLossProbability()).isEqualTo(1.0);
        assertThat(result.verified()).isTrue();
    }

    private static org.assertj.core.data.Offset<Double> within(double value) {
        return org.assertj.core.data.Offset.offset(value);
    }

    /** Any number of fixture rows with deals of 2M in a 50M fund (0.04 of it each), whole deals. */
    static OptimizationRequest wholeDealsOf(double[][] values, RiskLimits limits) {
        var plain = Fixtures.request(values, limits);
        return new OptimizationRequest(
                plain.matrix(), plain.buckets(), 50_000_000, plain.winProbabilities(), limits, DealRules.whole(0));
    }

    /** The fixture's matrix with the deal sizes above and whole deals. */
    static OptimizationRequest wholeDeals(double[][] values, RiskLimits limits, int least) {
        var plain = Fixtures.request(values, limits);
        var specs = new ArrayList<BucketSpec>();
        for (int b = 0; b < plain.buckets().size(); b++) {
            var spec = plain.buckets().get(b);
            specs.add(new BucketSpec(spec.sector(), spec.stage(), CHEQUES[b], 1.0));
        }
        return new OptimizationRequest(
                plain.matrix(), specs, FUND, plain.winProbabilities(), limits, DealRules.whole(least));
    }

    record Best(double value, long[] counts) {}

    /** Every deal count up to what the cap holds, the best E[M] meeting every limit (model's margin). */
    static Best bestCounts(OptimizationRequest request, int least) {
        int rows = request.buckets().size();
        long[] counts = new long[rows];
        long[] most = new long[rows];
        for (int b = 0; b < rows; b++) {
            most[b] = DealGrid.most(request.dealWeight(b), request.limits().bucketMaxWeight());
        }
        var best = new Best(Double.NEGATIVE_INFINITY, null);
        while (true) {
            double[] w = new double[rows];
            double sum = 0;
            boolean leastMet = true;
            for (int b = 0; b < rows; b++) {
                w[b] = counts[b] * request.dealWeight(b);
                sum += w[b];
                leastMet &= counts[b] == 0 || counts[b] >= least;
            }
            if (leastMet && sum <= 1 + 1e-12 && BruteForce.feasible(request, w)) {
                double value = PortfolioMeasures.of(request.matrix(), w, 0.9).expectedMoic();
                if (value > best.value()) {
                    best = new Best(value, counts.clone());
                }
            }
            int b = 0;
            while (b < rows && counts[b] == most[b]) {
                counts[b++] = 0;
            }
            if (b == rows) {
                return best;
            }
            counts[b]++;
        }
    }
}
