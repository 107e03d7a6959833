package dev.vcportfolio.matrix;

import dev.vcportfolio.core.model.Stage;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the optimizer needs to know of a bucket beside its matrix row, stored as {@code bucket_params}.
 *
 * @param key {@code sector|stage}, or {@code sector|stage|option} for a reserve option's row
 * @param allInCost cost of one deal: initial cheque x (1 + reserve ratio)
 * @param pWin per-deal probability of a 10x winner
 * @param pWinSource {@code client} (given), {@code cells} (share of cells >= 10) or {@code simulated} (per deal)
 * @param dealsPerBucket company paths averaged per cell (generated matrices), null for client matrices
 * @param meanMoic mean of the bucket's row
 * @param zeroShare share of the row's cells that are exactly 0
 * @param rounds round-by-round rows only (null otherwise): the reserve option and what the simulation saw of the row
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
        double zeroShare,
        RoundByRound rounds) {

    /**
     * What a round-by-round row adds (DESIGN 13).
     *
     * @param reservePolicy the reserve option's name; null for a bucket's only row
     * @param reserveDeployment mean follow-on dollars per deal over the initial cheque
     * @param meanYearsToExit mean years from entry to exit over the deals that exited (0 when none did)
     * @param meanOwnershipAtExit mean ownership at exit over the deals that exited (0 when none did)
     * @param exitShare share of deals that exited within the horizon
     * @param privateShare share of deals still private at the horizon, held at NAV
     */
    @RegisterForReflection
    public record RoundByRound(
            String reservePolicy,
            double reserveDeployment,
            double meanYearsToExit,
            double meanOwnershipAtExit,
            double exitShare,
            double privateShare) {}
}
