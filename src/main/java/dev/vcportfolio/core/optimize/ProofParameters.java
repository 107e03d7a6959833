package dev.vcportfolio.core.optimize;

import java.util.List;
import java.util.stream.Collectors;

/**
 * SCIP settings for {@link ProofLadder}'s steps, measured on the (20,250), (40,1000) and (60,2000) benchmark instances.
 * A step asks whether any allocation reaches a floor, so it either finds one (a plain LP-integral leaf does) or
 * visits the whole tree: primal heuristics only cost time; cutting planes made each node LP several times dearer and
 * saved fewer nodes than that; depth-first order and no conflict analysis shortened the proofs a little more
 * (docs/optimizer-experiments.md). Every name must exist in the bundled SCIP, or OR-Tools rejects the whole
 * string ({@link MilpSolve} fails loudly then, and a test checks it).
 */
final class ProofParameters {

    private ProofParameters() {}

    /** SCIP 10's primal heuristics, all switched off. */
    private static final List<String> HEURISTICS = List.of(
            "actconsdiving",
            "adaptivediving",
            "alns",
            "bound",
            "clique",
            "coefdiving",
            "completesol",
            "conflictdiving",
            "crossover",
            "dins",
            "distributiondiving",
            "dps",
            "dualval",
            "farkasdiving",
            "feaspump",
            "fixandinfer",
            "fracdiving",
            "gins",
            "guideddiving",
            "indicator",
            "indicatordiving",
            "intdiving",
            "intshifting",
            "linesearchdiving",
            "localbranching",
            "locks",
            "lpface",
            "mpec",
            "multistart",
            "mutation",
            "nlpdiving",
            "objpscostdiving",
            "octane",
            "ofins",
            "oneopt",
            "padm",
            "proximity",
            "pscostdiving",
            "randrounding",
            "rens",
            "reoptsols",
            "repair",
            "rins",
            "rootsoldiving",
            "rounding",
            "scheduler",
            "shiftandpropagate",
            "shifting",
            "simplerounding",
            "subnlp",
            "trivial",
            "trivialnegation",
            "trustregion",
            "trysol",
            "twoopt",
            "undercover",
            "vbounds",
            "veclendiving",
            "zeroobj",
            "zirounding");

    /** Appended to the solve's own settings; the first allocation found ends the step. */
    static final String SCIP = HEURISTICS.stream()
                    .map(name -> "heuristics/" + name + "/freq = -1\n")
                    .collect(Collectors.joining())
            + "separating/maxrounds = 0\n"
            + "separating/maxroundsroot = 0\n"
            + "conflict/enable = FALSE\n"
            + "nodeselection/dfs/stdpriority = 1000000\n"
            + "limits/solutions = 1\n";
}
