package dev.vcportfolio.core.scenario;

/** One working thread's counts; counts add up to the same totals in any order, so diagnostics stay deterministic. */
final class SimulationTally implements ChunkRunner.Tally<SimulationTally> {

    final long[] winners;
    final long[] regimes;
    /** Rounds by stage and outcome, {@code [stage * 4 + (exit | graduate | failure | stay)]}. */
    final long[] stageRounds;

    long paths;
    long recycledPaths;
    long exits;
    long roundLimitFailures;
    long cappedDraws;

    SimulationTally(int buckets, int regimeCount, int stages) {
        winners = new long[buckets];
        regimes = new long[regimeCount];
        stageRounds = new long[stages * 4];
    }

    @Override
    public void add(SimulationTally other) {
        addInto(winners, other.winners);
        addInto(regimes, other.regimes);
        addInto(stageRounds, other.stageRounds);
        paths += other.paths;
        recycledPaths += other.recycledPaths;
        exits += other.exits;
        roundLimitFailures += other.roundLimitFailures;
        cappedDraws += other.cappedDraws;
    }

    static void addInto(long[] target, long[] source) {
        for (int i = 0; i < target.length; i++) {
            target[i] += source[i];
        }
    }
}
