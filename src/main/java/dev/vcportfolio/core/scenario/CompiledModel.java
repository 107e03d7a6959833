package dev.vcportfolio.core.scenario;

/**
 * A {@link ScenarioSpec} flattened into arrays for the inner loop: cumulative per-round cut points by stage, the
 * Pareto parameters by stage, the regime table, and per-bucket entry stage, deal count and shock weights. Immutable
 * after construction, so every worker shares one.
 */
final class CompiledModel {

    static final int STAGES = StageLaws.STAGES;

    final int scenarioCount;
    final int bucketCount;
    final Seed seed;

    // u < exitCut: exit; < graduateCut: graduate; < failureCut: fail; else stay (StageLaws)
    final double[] exitCut;
    final double[] graduateCut;
    final double[] failureCut;
    final double[] xmin;
    final double[] negativeInverseAlpha;
    final double maxMoic;
    final int maxRounds;

    final RegimeTable regimes;

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
        StageLaws laws = new StageLaws(calibration);
        exitCut = laws.exitCut;
        graduateCut = laws.graduateCut;
        failureCut = laws.failureCut;
        xmin = laws.xmin;
        negativeInverseAlpha = laws.negativeInverseAlpha;
        maxMoic = laws.maxMoic;
        maxRounds = laws.maxRounds;

        regimes = new RegimeTable(calibration.regimes(), calibration.regimeImpact());

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
}
