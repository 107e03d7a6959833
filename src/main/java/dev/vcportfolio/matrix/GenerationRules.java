package dev.vcportfolio.matrix;

import dev.vcportfolio.calibration.Regime;
import dev.vcportfolio.core.error.DomainException;
import dev.vcportfolio.core.error.FieldViolation;
import dev.vcportfolio.core.model.BucketSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks of a generation request that bean validation cannot express; each names its field. */
final class GenerationRules {

    private static final double PROBABILITY_TOLERANCE = 1e-6;

    private GenerationRules() {}

    static void check(GenerationRequest request, int maxScenarios, long maxCells) {
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < request.buckets().size(); i++) {
            GenerationBucketRequest bucket = request.buckets().get(i);
            if (!keys.add(BucketSpec.key(bucket.sector(), bucket.stage()))) {
                violations.add(new FieldViolation(
                        "buckets[" + i + "]",
                        "duplicate sector|stage " + BucketSpec.key(bucket.sector(), bucket.stage())));
            }
        }
        boolean rounds = request.model() == SimModel.round_by_round_v1;
        if (rounds) {
            RoundRules.check(request, violations);
        } else {
            RoundRules.absent(request, violations);
        }
        long cellsPerScenario = rounds
                ? RoundRules.cellsPerScenario(request)
                : request.buckets().size();
        if (request.scenarioCount() > maxScenarios) {
            violations.add(new FieldViolation("scenarioCount", "must be at most " + maxScenarios));
        } else if ((long) request.scenarioCount() * cellsPerScenario > maxCells) {
            violations.add(new FieldViolation(
                    "scenarioCount",
                    rounds
                            ? "rows x scenarios x years exceeds the limit of " + maxCells + " cells"
                            : "buckets x scenarios exceeds the limit of " + maxCells + " cells"));
        }
        if ((request.fundSize() == null) != (request.bucketMaxWeight() == null)) {
            violations.add(new FieldViolation(
                    request.fundSize() == null ? "fundSize" : "bucketMaxWeight",
                    "fundSize and bucketMaxWeight go together (they set the default dealsPerBucket)"));
        }
        if (request.regimes() != null) {
            double total = 0;
            Set<String> names = new HashSet<>();
            for (int i = 0; i < request.regimes().size(); i++) {
                Regime regime = request.regimes().get(i);
                total += regime.probability();
                if (!names.add(regime.name())) {
                    violations.add(new FieldViolation("regimes[" + i + "].name", "duplicate regime " + regime.name()));
                }
            }
            if (Math.abs(total - 1) > PROBABILITY_TOLERANCE) {
                violations.add(new FieldViolation("regimes", "probabilities must sum to 1, not " + total));
            }
        }
        if (!violations.isEmpty()) {
            throw new DomainException.Invalid(
                    violations.getFirst().field() + ": " + violations.getFirst().message(), violations);
        }
    }
}
