package dev.vcportfolio.core.optimize;

/**
 * One backend's answer to one MILP.
 *
 * @param stats how the solve went
 * @param weights the weights (empty without an answer)
 * @param losing per distinct scenario, whether its loss flag is 1 (empty without an answer)
 * @param auxiliary the value of the goal's expression (for least-move solves, the least feasible limit)
 */
record MilpAnswer(SolveStats stats, double[] weights, boolean[] losing, double auxiliary) {}
