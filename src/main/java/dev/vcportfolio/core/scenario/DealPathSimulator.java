package dev.vcportfolio.core.scenario;

/**
 * The round-by-round inner loop (DESIGN 13): for a range of scenarios, every row's deals walk their company's rounds in
 * time, follow on by their policy within the reserve, and exit, fail or stay private at the horizon. One instance per
 * working thread; it writes each (row, scenario) cell at its fixed place in the output arrays.
 *
 * <p>Streams: a scenario's regime and shock come from the scenario's stream, a bucket's systematic shock from the
 * (scenario, bucket) stream (as in {@code three_component_v1}), and each deal's path from its own (scenario, row, deal)
 * stream in this order: per round one uniform for the years at the stage and one for the transition; on graduating one
 * for the step-up and one for participation; on an exit one for the Pareto draw and one for the idiosyncratic shock.
 */
final class DealPathSimulator implements ChunkRunner.Worker<RoundTally> {

    private static final int EXIT = 0;
    private static final int GRADUATE = 1;
    private static final int FAILURE = 2;
    private static final int STAY = 3;
    private static final int LAST_STAGE = StageLaws.STAGES - 1;
    private static final double WINNER = 10;

    private final CompiledRounds model;
    private final RoundOutput out;
    private final double[] regimeFactors;
    private final double[] systematic;
    private final double[] flows;
    private final SplitMix64 random = new SplitMix64(0);
    private final RoundTally tally;

    // the deal being walked (fields, not locals, so path() can return one value and leave the rest here)
    private double followedOn;
    private double exitYears;
    private double exitOwnership;

    DealPathSimulator(CompiledRounds model, RoundOutput out, int chunkScenarios) {
        this.model = model;
        this.out = out;
        this.regimeFactors = new double[chunkScenarios];
        this.systematic = new double[model.bucketCount * chunkScenarios];
        this.flows = new double[model.yearCount];
        this.tally = new RoundTally(model.rowCount, model.regimes.count());
    }

    @Override
    public RoundTally tally() {
        return tally;
    }

    @Override
    public void run(int from, int to) {
        int chunk = to - from;
        for (int s = from; s < to; s++) {
            random.reset(model.seed.streamState(s, -1));
            int regime = model.regimes.regimeOf(random);
            tally.regimes[regime]++;
            regimeFactors[s - from] = model.regimes.factor(regime, random);
        }
        for (int b = 0; b < model.bucketCount; b++) {
            for (int s = from; s < to; s++) {
                random.reset(model.seed.streamState(s, b));
                systematic[b * chunk + s - from] = 1 + model.systematicWeight[b] * random.nextShock();
            }
        }
        for (int r = 0; r < model.rowCount; r++) {
            int b = model.bucketOf[r];
            for (int s = from; s < to; s++) {
                cell(r, s, regimeFactors[s - from] * model.returnMultiplier[r], systematic[b * chunk + s - from]);
            }
        }
    }

    private void cell(int row, int scenario, double scale, double systematicFactor) {
        java.util.Arrays.fill(flows, 0);
        int deals = model.deals[row];
        double value = 0;
        double followOn = 0;
        double years = 0;
        double ownership = 0;
        long cellState = model.seed.cellState(scenario, row);
        for (int d = 0; d < deals; d++) {
            random.reset(Seed.dealState(cellState, model.dealSalts[d]));
            value += deal(row, model.entryYears[row][d], scale, systematicFactor);
            followOn += followedOn;
            years += exitYears;
            ownership += exitOwnership;
        }
        tally.paths += deals;
        double cost = model.allocatedCost[row];
        int cellIndex = row * model.scenarioCount + scenario;
        out.moic[cellIndex] = (float) (value / cost);
        int at = cellIndex * model.yearCount;
        for (int y = 0; y < model.yearCount; y++) {
            out.cashflows[at + y] = (float) (flows[y] / cost);
        }
        out.followOn[cellIndex] = followOn;
        out.exitYears[cellIndex] = years;
        out.exitOwnership[cellIndex] = ownership;
    }

    /**
     * One deal from entry to exit, failure or the horizon; adds its flows to {@link #flows} and returns its value to
     * the fund: proceeds, NAV at the horizon, and the reserve it never called.
     */
    private double deal(int row, double entry, double scale, double systematicFactor) {
        double check = model.initialCheck[row];
        double valuation = model.entryValuation[row];
        double ownership = check / valuation;
        double reserveLeft = model.reserve[row];
        double t = entry;
        int stage = model.entryStage[row];
        int supported = 0;
        double received = 0;
        followedOn = 0;
        exitYears = 0;
        exitOwnership = 0;
        flows[(int) t] -= check;
        long[] stages = tally.stageRounds;
        walk:
        for (int round = 0; round < model.laws.maxRounds; round++) {
            t += model.duration(stage, random.nextDouble());
            if (t > model.horizon) {
                received = ownership * valuation;
                flows[model.yearCount - 1] += received;
                tally.privateAtHorizon[row]++;
                break walk;
            }
            double u = random.nextDouble();
            if (u < model.laws.exitCut[stage]) {
                stages[stage * 4 + EXIT]++;
                received = exit(row, stage, t, entry, ownership * valuation, scale, systematicFactor, ownership);
                break walk;
            }
            if (u < model.laws.graduateCut[stage]) {
                stages[stage * 4 + GRADUATE]++;
                if (stage == LAST_STAGE) {
                    received = exit(row, stage, t, entry, ownership * valuation, scale, systematicFactor, ownership);
                    break walk;
                }
                stage++;
                valuation *= model.stepUp(stage, random.nextDouble());
                double sold = model.dilution[stage];
                double cheque = 0;
                if (random.nextDouble() < model.participation[row]
                        && supported < model.supportedRounds[row]
                        && reserveLeft > 0) {
                    double wanted = model.proRata[row] ? ownership * sold * valuation : model.fixedCheque[row];
                    cheque = Math.min(wanted, reserveLeft);
                    reserveLeft -= cheque;
                    followedOn += cheque;
                    flows[(int) t] -= cheque;
                    tally.followOns++;
                }
                supported++;
                ownership = ownership * (1 - sold) + cheque / valuation;
            } else if (u < model.laws.failureCut[stage]) {
                stages[stage * 4 + FAILURE]++;
                break walk;
            } else {
                stages[stage * 4 + STAY]++;
            }
            if (round == model.laws.maxRounds - 1) {
                tally.roundLimitFailures++;
            }
        }
        if (received >= WINNER * (check + followedOn)) {
            tally.winners[row]++;
        }
        return received + reserveLeft;
    }

    /** Proceeds of an exit at {@code stage} in year {@code t}: the stake times the shocked, capped exit multiple. */
    private double exit(
            int row,
            int stage,
            double t,
            double entry,
            double stake,
            double scale,
            double systematicFactor,
            double ownership) {
        double pareto = model.laws.pareto(stage, random.nextDouble());
        double shock = systematicFactor + model.idiosyncraticWeight[row] * random.nextShock();
        double multiple = pareto * scale * Math.max(0, shock);
        if (multiple > model.laws.maxMoic) {
            multiple = model.laws.maxMoic;
            tally.cappedDraws++;
        }
        double proceeds = stake * multiple;
        flows[(int) t] += proceeds;
        tally.exits[row]++;
        exitYears = t - entry;
        exitOwnership = ownership;
        return proceeds;
    }
}
