package dev.vcportfolio.core.scenario;

/**
 * The inner loop: fills the cells of a range of scenarios, for every bucket. One instance per working thread; it
 * keeps that thread's tallies, which are plain counts and so merge to the same totals in any order.
 *
 * <p>Stream layout per cell (scenario s, bucket b): the systematic shock, then each deal's path in turn (one uniform
 * per round; on an exit one uniform for the Pareto draw and one for the idiosyncratic shock), then the recycled paths.
 * Recycled paths come last so that switching recycling on leaves the base deals' draws untouched.
 */
final class ChunkSimulator implements ChunkRunner.Worker<SimulationTally> {

    private static final int EXIT = 0;
    private static final int GRADUATE = 1;
    private static final int FAILURE = 2;
    private static final int STAY = 3;
    private static final int LAST_STAGE = CompiledModel.STAGES - 1;

    private final CompiledModel model;
    private final float[] values;
    private final double[] regimeFactors;
    private final double[] dealValues;
    // one stream object, re-seeded per cell: no allocation in the loop
    private final SplitMix64 cellStream = new SplitMix64(0);

    final SimulationTally tally;

    ChunkSimulator(CompiledModel model, float[] values, int chunkScenarios) {
        this.model = model;
        this.values = values;
        this.regimeFactors = new double[chunkScenarios];
        int maxDeals = 1;
        for (int deals : model.deals) {
            maxDeals = Math.max(maxDeals, deals);
        }
        this.dealValues = new double[model.recycling ? maxDeals : 0];
        this.tally = new SimulationTally(model.bucketCount, model.regimes.count(), CompiledModel.STAGES);
    }

    @Override
    public SimulationTally tally() {
        return tally;
    }

    /** Fills scenarios {@code [from, to)} of every bucket. */
    @Override
    public void run(int from, int to) {
        for (int s = from; s < to; s++) {
            SplitMix64 scenarioStream = cellStream;
            scenarioStream.reset(model.seed.streamState(s, -1));
            int regime = model.regimes.regimeOf(scenarioStream);
            tally.regimes[regime]++;
            regimeFactors[s - from] = model.regimes.factor(regime, scenarioStream);
        }
        int scenarios = model.scenarioCount;
        for (int b = 0; b < model.bucketCount; b++) {
            int row = b * scenarios;
            for (int s = from; s < to; s++) {
                values[row + s] = cell(s, b, regimeFactors[s - from]);
            }
        }
    }

    private float cell(int scenario, int bucket, double regimeFactor) {
        SplitMix64 random = cellStream;
        random.reset(model.seed.streamState(scenario, bucket));
        double scale = regimeFactor * model.returnMultiplier[bucket];
        double systematic = 1 + model.systematicWeight[bucket] * random.nextShock();
        double idiosyncratic = model.idiosyncraticWeight[bucket];
        int entry = model.entryStage[bucket];
        int deals = model.deals[bucket];
        double sum = 0;
        long winners = 0;
        for (int d = 0; d < deals; d++) {
            double value = path(random, entry, scale, systematic, idiosyncratic);
            if (value >= 10) {
                winners++;
            }
            if (model.recycling) {
                dealValues[d] = value;
            }
            sum += value;
        }
        tally.paths += deals;
        tally.winners[bucket] += winners;
        if (model.recycling) {
            sum = recycle(random, deals, entry, scale, systematic, idiosyncratic);
        }
        double mean = Math.min(sum / deals, model.maxMoic);
        float cell = (float) mean;
        // float rounding may land just above a cap that float cannot represent exactly
        return cell > model.maxMoic ? Math.nextDown(cell) : cell;
    }

    /** Sum of the cell's deal values after winners recycle into new paths of the same bucket and scenario. */
    private double recycle(
            SplitMix64 random, int deals, int entry, double scale, double systematic, double idiosyncratic) {
        double cash = 0;
        double kept = 0;
        for (int d = 0; d < deals; d++) {
            double value = dealValues[d];
            if (value > 1) {
                double recycled = Math.min(model.utilization * value, model.cashMultiple);
                cash += recycled;
                kept += value - recycled;
            } else {
                kept += value;
            }
        }
        if (cash <= 0) {
            return kept;
        }
        // each new deal costs at most one all-in cost, so little cash buys fewer deals
        int newDeals = (int) Math.min(model.maxRecycleDeals, Math.ceil(cash));
        double returned = 0;
        for (int j = 0; j < newDeals; j++) {
            returned += path(random, entry, scale, systematic, idiosyncratic);
        }
        tally.recycledPaths += newDeals;
        return kept + cash * returned / newDeals;
    }

    /** One company's MOIC: walks the stage chain from {@code stage}; 0 on failure or when rounds run out. */
    private double path(SplitMix64 random, int stage, double scale, double systematic, double idiosyncratic) {
        long[] stages = tally.stageRounds;
        for (int round = 0; round < model.maxRounds; round++) {
            double u = random.nextDouble();
            if (u < model.exitCut[stage]) {
                stages[stage * 4 + EXIT]++;
                return exit(random, stage, scale, systematic, idiosyncratic);
            }
            if (u < model.graduateCut[stage]) {
                stages[stage * 4 + GRADUATE]++;
                if (stage == LAST_STAGE) {
                    return exit(random, stage, scale, systematic, idiosyncratic);
                }
                stage++;
            } else if (u < model.failureCut[stage]) {
                stages[stage * 4 + FAILURE]++;
                return 0;
            } else {
                stages[stage * 4 + STAY]++;
            }
        }
        tally.roundLimitFailures++;
        return 0;
    }

    private double exit(SplitMix64 random, int stage, double scale, double systematic, double idiosyncratic) {
        // xmin / (1 - u)^(1/alpha), as ParetoExit.quantile computes it
        double pareto = model.xmin[stage]
                * StrictMath.exp(model.negativeInverseAlpha[stage] * StrictMath.log(1 - random.nextDouble()));
        double shock = systematic + idiosyncratic * random.nextShock();
        double value = pareto * scale * Math.max(0, shock);
        tally.exits++;
        if (value > model.maxMoic) {
            tally.cappedDraws++;
            return model.maxMoic;
        }
        return value;
    }
}
