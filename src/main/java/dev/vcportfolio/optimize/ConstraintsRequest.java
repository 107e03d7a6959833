package dev.vcportfolio.optimize;

import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The risk limits of DESIGN 8. Every field is optional; a missing one does not constrain (cap 1, loss probability 1,
 * CVaR limit 1 at confidence 0.95, no winners floor, no group bounds).
 *
 * @param sectorBounds by sector name
 * @param stageBounds by stage name: {@code Seed}, {@code SeriesA}, {@code SeriesB} or {@code SeriesC}
 * @param wholeDeals deal counts are whole numbers and the rest of the capital stays uninvested (default true); false
 *     gives free shares summing to 1
 * @param minDealsPerBucket the fewest deals in a bucket that is used at all (default 0); needs whole deals
 */
@RegisterForReflection
public record ConstraintsRequest(
        @Schema(example = "0.3") @Finite @DecimalMin("0") @DecimalMax("1") Double maxLossProbability,

        @Schema(example = "0.6") @Finite @DecimalMin("0") @DecimalMax("1") Double cvarLimit,

        @Schema(example = "0.95")
        @Finite
        @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double cvarConfidence,

        @Schema(example = "1") @Finite @DecimalMin("0") @DecimalMax("1e6") Double minExpectedWinners,

        @Schema(example = "0.4") @Finite @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double bucketMaxWeight,

        @Size(max = 64) Map<String, @NotNull @Valid BoundsRequest> sectorBounds,
        @Size(max = 16) Map<String, @NotNull @Valid BoundsRequest> stageBounds,

        @Schema(example = "true", defaultValue = "true") Boolean wholeDeals,

        @Schema(example = "2", defaultValue = "0") @Min(0) @Max(1000) Integer minDealsPerBucket) {

    public static final ConstraintsRequest NONE =
            new ConstraintsRequest(null, null, null, null, null, null, null, null, null);
}
