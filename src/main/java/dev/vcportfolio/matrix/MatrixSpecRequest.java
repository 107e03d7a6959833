package dev.vcportfolio.matrix;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The {@code spec} part of a multipart matrix upload: the JSON body without {@code moic}, which comes as a binary part
 * of float32 little-endian values, row-major {@code [bucket][scenario]}.
 *
 * @param scenarioCount optional cross-check of the binary part's length ({@code 4 x buckets x scenarioCount})
 */
@RegisterForReflection
public record MatrixSpecRequest(
        UUID fundId,

        @NotNull @Size(min = 1, max = MatrixLimits.MAX_BUCKETS) List<@NotNull @Valid MatrixBucketRequest> buckets,

        @Pattern(regexp = "moic", message = "only 'moic' is supported ('tvpi', 'dpi' and 'irr' are reserved)")
        String matrixType,

        @Positive Integer scenarioCount) {

    /** The same spec for the given owner. */
    public MatrixSpecRequest withFundId(UUID owner) {
        return new MatrixSpecRequest(owner, buckets, matrixType, scenarioCount);
    }
}
