package dev.vcportfolio.matrix;

import dev.vcportfolio.core.model.MoicMatrix;
import java.util.List;
import java.util.Optional;

/**
 * Scenarios the optimizer never saw, in the same bucket order as the matrix they validate.
 *
 * @param winProbabilities per bucket, measured on these scenarios (simulated) or the stored ones (bootstrap)
 * @param method {@code fresh-simulation} (same plan, independent seed) or {@code bootstrap} (uploaded matrices have no
 *     plan, so their scenarios are resampled with an independent seed)
 * @param fund a round-by-round plan's cash flows on these scenarios and its timeline; empty for the one-period model
 *     and for uploaded matrices
 */
public record ValidationSample(
        MoicMatrix matrix, List<Double> winProbabilities, String method, Optional<FundFlows> fund) {

    public ValidationSample {
        winProbabilities = List.copyOf(winProbabilities);
    }
}
