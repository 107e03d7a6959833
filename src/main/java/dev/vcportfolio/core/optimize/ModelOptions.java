package dev.vcportfolio.core.optimize;

/**
 * Which formulation ingredients to use. {@link #TUNED} is the production choice; {@link #TEXTBOOK} is DESIGN 8 written
 * literally (big-M = 1, an explicit shortfall variable per scenario, nothing merged, fixed, hinted or cut), kept as the
 * benchmark baseline.
 *
 * @param mergeScenarios identical scenario columns become one scenario with a multiplicity
 * @param tightBigM the loss row's big-M is {@code 1 + margin - L_s}, with {@code L_s} the least MOIC the caps allow
 * @param fixDecidedScenarios drop {@code z_s} for scenarios that can never or must always lose
 * @param warmStart run the LP heuristic ({@link PrimalHeuristic}) before pass 1; its answer is the MILP's hint, the
 *     fallback answer when the solver stops without one, and (with {@code objectiveFloor}) the floor
 * @param objectiveFloor when a floor on E[M] is known (the heuristic's answer in pass 1, {@code E* - epsilon} in pass
 *     2), add it as a row and recompute {@code L_s} and the never/always-lose fixings on that thinner set
 * @param mixingRows add the extended mixing formulation of the objective over the loss flags (upper bounds on E[M]
 *     from the scenarios that do not lose)
 * @param proofLadder with a heuristic answer on SCIP, settle pass 1 and pass 2 by {@link ProofLadder}'s loss-count
 *     proofs instead of one optimizing MILP
 */
public record ModelOptions(
        boolean mergeScenarios,
        boolean tightBigM,
        boolean fixDecidedScenarios,
        boolean warmStart,
        boolean objectiveFloor,
        boolean mixingRows,
        boolean proofLadder) {

    public static final ModelOptions TUNED = new ModelOptions(true, true, true, true, true, true, true);

    public static final ModelOptions TEXTBOOK = new ModelOptions(false, false, false, false, false, false, false);

    public ModelOptions withWarmStart(boolean value) {
        return new ModelOptions(
                mergeScenarios, tightBigM, fixDecidedScenarios, value, objectiveFloor, mixingRows, proofLadder);
    }

    public ModelOptions withObjectiveFloor(boolean value) {
        return new ModelOptions(
                mergeScenarios, tightBigM, fixDecidedScenarios, warmStart, value, mixingRows, proofLadder);
    }

    public ModelOptions withMixingRows(boolean value) {
        return new ModelOptions(
                mergeScenarios, tightBigM, fixDecidedScenarios, warmStart, objectiveFloor, value, proofLadder);
    }

    public ModelOptions withProofLadder(boolean value) {
        return new ModelOptions(
                mergeScenarios, tightBigM, fixDecidedScenarios, warmStart, objectiveFloor, mixingRows, value);
    }

    public boolean textbook() {
        return !mergeScenarios && !tightBigM && !fixDecidedScenarios;
    }
}
