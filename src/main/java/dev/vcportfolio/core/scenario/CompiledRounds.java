package dev.vcportfolio.core.scenario;

import dev.vcportfolio.core.model.Stage;
import java.util.List;

/**
 * A {@link RoundSpec} flattened into arrays for the inner loop: the shared stage laws and regime table, the round
 * dynamics by stage, and per row its bucket, deal terms, pacing and follow-on policy. Immutable after construction, so
 * every worker shares one.
 */
final class CompiledRounds {

    final int scenarioCount;
    final int rowCount;
    final int bucketCount;
    final int yearCount;
    final double horizon;
    final Seed seed;
    final StageLaws laws;
    final RegimeTable regimes;

    // by stage: lognormal (median, sigma) of the years to the next round and of the step-up into the stage
    final double[] durationMedian = new double[StageLaws.STAGES];
    final double[] durationSigma = new double[StageLaws.STAGES];
    final double[] stepUpMedian = new double[StageLaws.STAGES];
    final double[] stepUpSigma = new double[StageLaws.STAGES];
    final double[] dilution = new double[StageLaws.STAGES];

    // by bucket
    final double[] systematicWeight;

    // by row
    final int[] bucketOf;
    final int[] entryStage;
    final int[] deals;
    final double[] initialCheck;
    final double[] reserve;
    final double[] allocatedCost;
    final double[] entryValuation;
    final boolean[] proRata;
    final double[] fixedCheque;
    final double[] participation;
    final int[] supportedRounds;
    final double[] returnMultiplier;
    final double[] idiosyncraticWeight;
    /** Entry year of each deal of each row: {@code entryYears[row][deal]}. */
    final double[][] entryYears;
    /** {@link Seed#dealSalt} of every deal number any row uses. */
    final long[] dealSalts;

    CompiledRounds(RoundSpec spec) {
        Calibration calibration = spec.calibration();
        scenarioCount = spec.scenarioCount();
        rowCount = spec.rows().size();
        yearCount = spec.fund().yearCount();
        horizon = spec.fund().horizonYears();
        seed = spec.seed();
        laws = new StageLaws(calibration);
        regimes = new RegimeTable(calibration.regimes(), calibration.regimeImpact());
        for (Stage stage : Stage.values()) {
            StageDynamics dynamics = spec.dynamics().of(stage);
            int g = stage.ordinal();
            durationMedian[g] = dynamics.yearsToNextRound().median();
            durationSigma[g] = dynamics.yearsToNextRound().sigma();
            stepUpMedian[g] = dynamics.stepUp().median();
            stepUpSigma[g] = dynamics.stepUp().sigma();
            dilution[g] = dynamics.dilution();
        }

        List<String> buckets = spec.bucketKeys();
        bucketCount = buckets.size();
        systematicWeight = new double[bucketCount];
        ShockWeights shocks = calibration.shocks();
        bucketOf = new int[rowCount];
        entryStage = new int[rowCount];
        deals = new int[rowCount];
        initialCheck = new double[rowCount];
        reserve = new double[rowCount];
        allocatedCost = new double[rowCount];
        entryValuation = new double[rowCount];
        proRata = new boolean[rowCount];
        fixedCheque = new double[rowCount];
        participation = new double[rowCount];
        supportedRounds = new int[rowCount];
        returnMultiplier = new double[rowCount];
        idiosyncraticWeight = new double[rowCount];
        entryYears = new double[rowCount][];
        int maxDeals = spec.rows().stream().mapToInt(StrategyRow::deals).max().orElse(1);
        dealSalts = new long[maxDeals];
        for (int d = 0; d < maxDeals; d++) {
            dealSalts[d] = Seed.dealSalt(d);
        }
        for (int r = 0; r < rowCount; r++) {
            StrategyRow row = spec.rows().get(r);
            SectorAdjustment adjustment = spec.adjustment(row.bucket().sector());
            double amplitude = shocks.shockScale() * adjustment.riskMultiplier();
            int b = buckets.indexOf(row.bucket().key());
            bucketOf[r] = b;
            systematicWeight[b] = amplitude * shocks.systematicWeight();
            entryStage[r] = row.bucket().stage().ordinal();
            deals[r] = row.deals();
            initialCheck[r] = row.bucket().initialCheck();
            reserve[r] = row.bucket().reserveRatio() * row.bucket().initialCheck();
            allocatedCost[r] = row.allocatedCost();
            entryValuation[r] = row.entryValuation();
            proRata[r] = row.followOn().mode() == FollowOnMode.proRata;
            fixedCheque[r] = row.followOn().multiple() * row.bucket().initialCheck();
            participation[r] = row.followOn().participation();
            supportedRounds[r] = row.followOn().rounds();
            returnMultiplier[r] = adjustment.returnMultiplier();
            idiosyncraticWeight[r] = amplitude * shocks.idiosyncraticWeight();
            entryYears[r] = new double[row.deals()];
            for (int d = 0; d < row.deals(); d++) {
                entryYears[r][d] = spec.fund().entryYear(d, row.deals());
            }
        }
    }

    /** Years at a stage before its next transition draw, from the uniform {@code u}. */
    double duration(int stage, double u) {
        return LognormalLaw.quantile(durationMedian[stage], durationSigma[stage], u);
    }

    /** The post-money multiple of the round into {@code stage}, from the uniform {@code u}. */
    double stepUp(int stage, double u) {
        return LognormalLaw.quantile(stepUpMedian[stage], stepUpSigma[stage], u);
    }
}
