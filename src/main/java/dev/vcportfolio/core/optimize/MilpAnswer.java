package dev.vcportfolio.core.optimize;

/**
 * One backend's answer to one MILP.
 *
 * @param stats how the solve went
 * @param weights the weights (empty without an answer)
 * @param losing per distinct scenario, whether its loss flag is 1 (empty without an answer)
 * @param auxiliary the value of the goal's expression (for least-move solves, the least feasible limit)
 */
record MilpAnswer(SolveStats stats, double[] weights, boolean[] losing, double auxiliary) {

    /** A solve that ended without an answer: no objective, bound or gap is claimed. */
    static MilpAnswer none(Backend backend, SolveStatus status, long nodes, long millis, boolean watchdog) {
        var stats = new SolveStats(backend, status, Double.NaN, Double.NaN, Double.NaN, nodes, millis, watchdog);
        return new MilpAnswer(stats, new double[0], new boolean[0], Double.NaN);
    }

    /** The heuristic's answer standing as a solve's result, with the bound proven for it (NaN: none, so no gap). */
    static MilpAnswer ofHeuristic(
            PrimalHeuristic.Answer found,
            Backend backend,
            SolveStatus status,
            double bound,
            long nodes,
            long millis,
            boolean watchdog) {
        double value = found.expectedMoic();
        double gap = Double.isNaN(bound) ? Double.NaN : Math.abs(bound - value) / Math.max(Math.abs(value), 1e-9);
        var stats = new SolveStats(backend, status, value, bound, gap, nodes, millis, watchdog);
        return new MilpAnswer(stats, found.weights(), found.losing(), value);
    }

    /** {@code answer} as one solve with the {@code nodes} and {@code millis} spent before it (a stalled ladder's). */
    static MilpAnswer after(MilpAnswer answer, long nodes, long millis) {
        var s = answer.stats();
        var stats = new SolveStats(
                s.backend(),
                s.status(),
                s.objective(),
                s.bound(),
                s.gap(),
                s.nodes() + nodes,
                s.millis() + millis,
                s.watchdogFired());
        return new MilpAnswer(stats, answer.weights(), answer.losing(), answer.auxiliary());
    }

    /** An answer an LP without loss rows proved optimal (it met the loss limit): GLOP, gap 0, no node. */
    static MilpAnswer provenByLp(double[] weights, boolean[] losing, double objective, long millis) {
        var stats = new SolveStats(Backend.GLOP, SolveStatus.OPTIMAL, objective, objective, 0, 0, millis, false);
        return new MilpAnswer(stats, weights, losing, objective);
    }
}
