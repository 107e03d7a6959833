package dev.vcportfolio.matrix;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A MOIC scenario matrix the client brings, as JSON: one row of S values per bucket, in the order of {@code buckets}.
 *
 * @param fundId the fund that owns the matrix
 * @param buckets bucket definitions, distinct {@code sector|stage}
 * @param moic {@code moic[b][s]}: what one dollar of all-in cost in bucket b returns in scenario s; finite, >= 0
 * @param matrixType {@code moic} ({@code tvpi}, {@code dpi}, {@code irr} are reserved)
 */
@RegisterForReflection
public record MatrixUploadRequest(
        UUID fundId,

        @NotNull @Size(min = 1, max = MatrixLimits.MAX_BUCKETS) List<@NotNull @Valid MatrixBucketRequest> buckets,

        @NotNull @Schema(description = "One row of scenario outcomes per bucket, in the order of buckets")
        float[][] moic,

        @Pattern(regexp = "moic", message = "only 'moic' is supported ('tvpi', 'dpi' and 'irr' are reserved)")
        String matrixType) {

    /** The same upload for the given owner. */
    public MatrixUploadRequest withFundId(java.util.UUID owner) {
        return new MatrixUploadRequest(owner, buckets, moic, matrixType);
    }
}
