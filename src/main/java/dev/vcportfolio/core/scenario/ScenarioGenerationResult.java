package dev.vcportfolio.core.scenario;

import dev.vcportfolio.core.model.MoicMatrix;
import java.util.List;

/**
 * A generated matrix with what the service stores beside it.
 *
 * @param modelVersion {@value ScenarioGenerator#MODEL_VERSION}
 * @param matrix MOIC on all-in cost, buckets in canonical order; finite, in [0, maxMoic]
 * @param buckets per-bucket statistics, in the matrix's row order
 * @param diagnostics counts for metrics
 */
public record ScenarioGenerationResult(
        String modelVersion, MoicMatrix matrix, List<BucketStatistics> buckets, GenerationDiagnostics diagnostics) {

    public ScenarioGenerationResult {
        buckets = List.copyOf(buckets);
    }
}
