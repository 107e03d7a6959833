package dev.vcportfolio.core.scenario;

import dev.vcportfolio.core.model.Stage;
import java.util.List;

/**
 * A {@link ScenarioSpec} flattened into arrays for the inner loop: cumulative per-round cut points by stage, the
 * Pareto parameters by stage, the regime table, and per-bucket entry stage, deal count and shock weights. Immutable
 * after construction, so every worker shares one.
 */
final class CompiledModel {

    static final int STAGES = Stage.values().length;

    final int scenarioCount;
    final int bucketCount;
    final Seed seed;

    // u < exitCut: exit; < graduateCut: graduate; < failureCut: fail; else stay.
    final double[] exitCut = new double[STAGES];
    final double[] graduateCut = new double[STAGES];
    final double[] failureCut = new double[STAGES];
    final double[] xmin = new double[STAGES];
    final double[] negativeInverseAlpha = new double[STAGES];
    final double maxMoic;
    final int maxRounds;

    final double[] regimeCut;
    final double[] regimeShockMin;
    final double[] regimeShockSpan;
    final double regimeImpact;

    final int[] entryStage;
    final int[] deals;
    final double[] returnMultiplier;
    final double[] systematicWeight;
    final double[] idiosyncraticWeight;

    final boolean recycling;
    final double utilization;
    final double cashMultiple;
    final int maxRecycleDeals;

    CompiledModel(ScenarioSpec spec) {
        Calibration calibration = spec.calibration();
        scenarioCount = spec.scenarioCount();
        bucketCount = spec.buckets().size();
        seed = spec.seed();
        for (Stage stage : Stage.values()) {
            int g = stage.ordinal();
            StageTransition t = calibration.transition(stage);
            exitCut[g] = t.exitRate();
            graduateCut[g] = t.exitRate() + t.graduateRate();
            failureCut[g] = t.exitRate() + t.graduateRate() + t.failureRate();
            ParetoExit law = ParetoExit.fit(calibration.exit(stage));
            xmin[g] = law.xmin();
            negativeInverseAlpha[g] = -1 / law.alpha();
        }
        maxMoic = calibration.maxMoic();
        maxRounds = calibration.maxRounds();

        List<Regime> regimes = calibration.regimes();
        regimeCut = new double[regimes.size()];
        regimeShockMin = new double[regimes.size()];
        regimeShockSpan = new double[regimes.size()];
        double cumulative = 0;
        for (int r = 0; r < regimes.size(); r++) {
            Regime regime = regimes.get(r);
            cumulative += regime.probability();
            regimeCut[r] = cumulative;
            regimeShockMin[r] = regime.shockMin();
            regimeShockSpan[r] = regime.shockMax() - regime.shockMin();
        }
        regimeImpact = calibration.regimeImpact();

        entryStage = new int[bucketCount];
        deals = new int[bucketCount];
        returnMultiplier = new double[bucketCount];
        systematicWeight = new double[bucketCount];
        idiosyncraticWeight = new double[bucketCount];
        ShockWeights shocks = calibration.shocks();
        for (int b = 0; b < bucketCount; b++) {
            BucketPlan plan = spec.buckets().get(b);
            SectorAdjustment adjustment = spec.adjustment(plan.bucket().sector());
            entryStage[b] = plan.bucket().stage().ordinal();
            deals[b] = plan.dealsPerBucket();
            returnMultiplier[b] = adjustment.returnMultiplier();
            double amplitude = shocks.shockScale() * adjustment.riskMultiplier();
            systematicWeight[b] = amplitude * shocks.systematicWeight();
            idiosyncraticWeight[b] = amplitude * shocks.idiosyncraticWeight();
        }

        Recycling r = spec.recycling();
        recycling = r.active();
        utilization = r.utilization();
        cashMultiple = r.cashMultiple();
        maxRecycleDeals = r.maxRecycleDeals();
    }

    /**
     * The regime of a scenario, drawn from the scenario's own stream so every bucket sees the same one. A draw past
     * the last cut (probabilities summing to just under 1) falls to the last regime with any probability.
     */
    int regimeOf(SplitMix64 random) {
        double u = random.nextDouble();
        for (int r = 0; r < regimeCut.length; r++) {
            if (u < regimeCut[r]) {
                return r;
            }
        }
        for (int r = regimeCut.length - 1; r > 0; r--) {
            if (regimeCut[r] > regimeCut[r - 1]) {
                return r;
            }
        }
        return 0;
    }

    /** The factor {@code 1 + shock * regimeImpact} on the exit law, floored at 0; draws the shock from the stream. */
    double regimeFactor(int regime, SplitMix64 random) {
        double shock = regimeShockMin[regime] + regimeShockSpan[regime] * random.nextDouble();
        return Math.max(0, 1 + shock * regimeImpact);
    }
}
