package dev.vcportfolio.session;

import dev.vcportfolio.matrix.GenerationRequest;
import dev.vcportfolio.optimize.ConstraintsRequest;
import dev.vcportfolio.optimize.FundTermsRequest;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * The normalized request, frozen as {@code optimization_config}: every default filled in, so a job reads exactly what
 * was decided at request time.
 *
 * @param generation the simulation that makes the matrix; null when the request named a stored matrix
 * @param constraints every field set (see {@code LimitsRules.normalized})
 * @param fundTerms every field set; null in sessions stored before fund economics, which read as the defaults
 */
@RegisterForReflection
public record SessionConfig(
        UUID fundId,
        double fundSize,
        String matrixKey,
        GenerationRequest generation,
        ConstraintsRequest constraints,
        int validationScenarios,
        double epsilon,
        FundTermsRequest fundTerms) {

    public static final int DEFAULT_VALIDATION_SCENARIOS = 5_000;
    public static final double DEFAULT_EPSILON = 0.001;
}
