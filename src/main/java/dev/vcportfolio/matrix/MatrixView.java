package dev.vcportfolio.matrix;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A stored matrix's metadata (never its values).
 *
 * @param status {@code generating}, {@code complete} or {@code failed}
 * @param source {@code client} for uploaded matrices, else the simulation model that generated it
 * @param rawBytes size of the float32 values, 4 x cells
 * @param compressedBytes size as stored
 * @param progress fraction of generation done, in [0, 1], while generating
 * @param yearCount round-by-round matrices: values per cash-flow cell (years 0..H, then the NAV); else null
 * @param rows round-by-round matrices: what the simulation saw of each row; else null
 */
@RegisterForReflection
public record MatrixView(
        String matrixKey,
        String status,
        String matrixType,
        UUID fundId,
        String source,
        String calibrationVersion,
        List<String> bucketKeys,
        Integer bucketCount,
        Integer scenarioCount,
        String compressionCodec,
        String matrixLayout,
        Long rawBytes,
        Long compressedBytes,
        Double progress,
        OffsetDateTime createdAt,
        OffsetDateTime completedAt,
        String errorReason,
        Integer yearCount,
        List<RowView> rows) {

    /**
     * A round-by-round row (DESIGN 13).
     *
     * @param key {@code sector|stage}, or {@code sector|stage|option}
     * @param reservePolicy the reserve option's name, null for a bucket's only row
     * @param reserveDeployment mean follow-on dollars per deal over the initial cheque
     * @param pWin share of deals returning at least 10x what the fund paid in
     * @param meanYearsToExit mean years from entry to exit over the deals that exited
     * @param meanOwnershipAtExit mean ownership at exit over the deals that exited
     */
    @RegisterForReflection
    public record RowView(
            String key,
            String reservePolicy,
            double reserveDeployment,
            double pWin,
            double meanYearsToExit,
            double meanOwnershipAtExit) {}
}
