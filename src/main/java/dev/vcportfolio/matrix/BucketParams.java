package dev.vcportfolio.matrix;

import dev.vcportfolio.core.model.Stage;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the optimizer needs to know of a bucket beside its matrix row, stored as {@code bucket_params}.
 *
 * @param key {@code sector|stage}
 * @param allInCost cost of one deal: initial cheque x (1 + reserve ratio)
 * @param pWin per-deal probability of a 10x winner
 * @param pWinSource {@code client} (given), {@code cells} (share of cells >= 10) or {@code simulated} (per deal)
 * @param dealsPerBucket company paths averaged per cell (generated matrices), null for client matrices
 * @param meanMoic mean of the bucket's row
 * @param zeroShare share of the row's cells that are exactly 0
 */
@RegisterForReflection
public record BucketParams(
        String key,
        String sector,
        Stage stage,
        double initialCheck,
        double reserveRatio,
        double allInCost,
        double pWin,
        String pWinSource,
        Integer dealsPerBucket,
        double meanMoic,
        double zeroShare) {}
