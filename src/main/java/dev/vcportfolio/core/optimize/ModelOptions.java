package dev.vcportfolio.core.optimize;

/**
 * Which formulation ingredients to use. {@link #TUNED} is the production choice; {@link #TEXTBOOK} is DESIGN 8 written
 * literally (big-M = 1, an explicit shortfall variable per scenario, nothing merged, fixed or hinted), kept as the
 * benchmark baseline.
 *
 * @param mergeScenarios identical scenario columns become one scenario with a multiplicity
 * @param tightBigM the loss row's big-M is {@code 1 + margin - L_s}, with {@code L_s} the least MOIC the caps allow
 * @param fixDecidedScenarios drop {@code z_s} for scenarios that can never or must always lose
 * @param warmStart hint the MILP with a feasible answer from the LP heuristic
 */
public record ModelOptions(boolean mergeScenarios, boolean tightBigM, boolean fixDecidedScenarios, boolean warmStart) {

    /**
     * The LP warm start is off: on the benchmark it found no hint on any binding instance and cost 7 s (40x1000) and
     * 50 s (60x2000) outside the solver's watchdog; loose instances solve at the root without it.
     */
    public static final ModelOptions TUNED = new ModelOptions(true, true, true, false);

    public static final ModelOptions TEXTBOOK = new ModelOptions(false, false, false, false);

    public ModelOptions withWarmStart(boolean value) {
        return new ModelOptions(mergeScenarios, tightBigM, fixDecidedScenarios, value);
    }

    public boolean textbook() {
        return !mergeScenarios && !tightBigM && !fixDecidedScenarios;
    }
}
