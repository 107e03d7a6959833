package dev.vcportfolio.core.scenario;

/**
 * SplitMix64 (Steele, Lea and Flood, 2014), the generator behind {@link java.util.SplittableRandom}, hand-rolled so a
 * stream is a plain field the JIT can keep in a register and its seeding is ours to define. Not thread-safe: one
 * instance per thread, {@link #reset} to each (scenario, bucket) stream in turn.
 */
final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    SplitMix64(long state) {
        this.state = state;
    }

    /** Jumps to the start of another stream. */
    void reset(long start) {
        state = start;
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1) on the 2^53 grid; never 1, so {@code 1 - u} is never 0. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [-1, 1). */
    double nextShock() {
        return 2 * nextDouble() - 1;
    }

    /** The MurmurHash3-style finalizer of SplitMix64: a bijection that spreads every input bit over the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
