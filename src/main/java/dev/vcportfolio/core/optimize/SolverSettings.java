package dev.vcportfolio.core.optimize;

import java.time.Duration;
import java.util.List;

/**
 * How hard and how reproducibly to solve.
 *
 * <p>Answers are reproducible because every stop is deterministic (gap reached, node budget used up) and solvers run
 * single-threaded with fixed seeds. The wall-clock {@code timeLimit} is only a budget: when it ends a request the result
 * says "limit reached" and bit-identical reruns are no longer promised. Both limits are per request ({@link Budget}):
 * relaxation, both passes and every frontier point share them.
 *
 * @param relativeGap stop when (bound - incumbent) / |incumbent| is at most this, in [0, 1); DESIGN default 1e-4
 * @param primaryLockEpsilon pass 2 keeps {@code E[M] >= E* - epsilon}, MOIC units, &ge; 0; DESIGN default 0.001
 * @param nodeLimit branch-and-bound nodes per request, over all its solves, &gt; 0 (the deterministic limit)
 * @param timeLimit wall-clock time per request, positive; never overrun by more than a tenth
 * @param backends backends to run side by side, distinct, in tie-break order
 * @param options formulation ingredients
 * @param relaxInfeasible relax an infeasible request in DESIGN's order instead of reporting it infeasible
 */
public record SolverSettings(
        double relativeGap,
        double primaryLockEpsilon,
        long nodeLimit,
        Duration timeLimit,
        List<Backend> backends,
        ModelOptions options,
        boolean relaxInfeasible) {

    public static final double DEFAULT_GAP = 1e-4;
    public static final double DEFAULT_LOCK_EPSILON = 0.001;

    public SolverSettings {
        backends = List.copyOf(backends);
        if (!(relativeGap >= 0 && relativeGap < 1)) {
            throw new IllegalArgumentException("relativeGap must be in [0, 1): " + relativeGap);
        }
        if (!(primaryLockEpsilon >= 0 && Double.isFinite(primaryLockEpsilon))) {
            throw new IllegalArgumentException("primaryLockEpsilon must be finite and >= 0: " + primaryLockEpsilon);
        }
        if (nodeLimit <= 0) {
            throw new IllegalArgumentException("nodeLimit must be > 0: " + nodeLimit);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive: " + timeLimit);
        }
        if (backends.isEmpty() || backends.stream().distinct().count() != backends.size()) {
            throw new IllegalArgumentException("backends must be non-empty and distinct: " + backends);
        }
        if (!backends.stream().allMatch(Backend::solvesMilp)) {
            throw new IllegalArgumentException("backends must be MILP solvers (SCIP, CBC): " + backends);
        }
    }

    /** A fresh budget for one request under these settings, starting now on {@code clock}. */
    public Budget budget(java.time.InstantSource clock) {
        return Budget.start(clock, timeLimit, nodeLimit);
    }

    public static SolverSettings defaults() {
        return new SolverSettings(
                DEFAULT_GAP,
                DEFAULT_LOCK_EPSILON,
                200_000,
                Duration.ofSeconds(60),
                List.of(Backend.SCIP),
                ModelOptions.TUNED,
                true);
    }

    public SolverSettings withBackends(List<Backend> value) {
        return new SolverSettings(
                relativeGap, primaryLockEpsilon, nodeLimit, timeLimit, value, options, relaxInfeasible);
    }

    public SolverSettings withOptions(ModelOptions value) {
        return new SolverSettings(
                relativeGap, primaryLockEpsilon, nodeLimit, timeLimit, backends, value, relaxInfeasible);
    }

    public SolverSettings withRelaxInfeasible(boolean value) {
        return new SolverSettings(relativeGap, primaryLockEpsilon, nodeLimit, timeLimit, backends, options, value);
    }

    public SolverSettings withTimeLimit(Duration value) {
        return new SolverSettings(
                relativeGap, primaryLockEpsilon, nodeLimit, value, backends, options, relaxInfeasible);
    }

    public SolverSettings withRelativeGap(double value) {
        return new SolverSettings(value, primaryLockEpsilon, nodeLimit, timeLimit, backends, options, relaxInfeasible);
    }

    public SolverSettings withNodeLimit(long value) {
        return new SolverSettings(
                relativeGap, primaryLockEpsilon, value, timeLimit, backends, options, relaxInfeasible);
    }
}
