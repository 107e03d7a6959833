package dev.vcportfolio.core.scenario;

/**
 * One working thread's counts in a round-by-round generation. Only integer counts live here, so they merge to the same
 * totals in any order; sums of doubles are kept per cell by the generator and added in a fixed order.
 */
final class RoundTally implements ChunkRunner.Tally<RoundTally> {

    /** Per row: deals whose value came to at least 10x what was paid in. */
    final long[] winners;
    /** Per row: deals that exited (by sale or IPO) within the horizon. */
    final long[] exits;
    /** Per row: deals still private at the horizon. */
    final long[] privateAtHorizon;

    final long[] regimes;
    /** Rounds by stage and outcome, {@code [stage * 4 + (exit | graduate | failure | stay)]}. */
    final long[] stageRounds;

    long paths;
    long followOns;
    long roundLimitFailures;
    long cappedDraws;

    RoundTally(int rows, int regimeCount) {
        winners = new long[rows];
        exits = new long[rows];
        privateAtHorizon = new long[rows];
        regimes = new long[regimeCount];
        stageRounds = new long[StageLaws.STAGES * 4];
    }

    @Override
    public void add(RoundTally other) {
        SimulationTally.addInto(winners, other.winners);
        SimulationTally.addInto(exits, other.exits);
        SimulationTally.addInto(privateAtHorizon, other.privateAtHorizon);
        SimulationTally.addInto(regimes, other.regimes);
        SimulationTally.addInto(stageRounds, other.stageRounds);
        paths += other.paths;
        followOns += other.followOns;
        roundLimitFailures += other.roundLimitFailures;
        cappedDraws += other.cappedDraws;
    }
}
