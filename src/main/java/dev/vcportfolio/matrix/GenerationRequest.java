package dev.vcportfolio.matrix;

import dev.vcportfolio.calibration.Regime;
import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request to simulate a fund's scenario matrices.
 *
 * @param simModel {@code round_by_round_v1}, the default (deals round by round in time, with follow-on reserves,
 *     ownership and cash flows; DESIGN 13), or {@code three_component_v1} (one-period MOIC)
 * @param fund round-by-round only: investment period, term and extensions
 * @param calibrationVersion default: the shipped {@code industry-benchmark-v3} ({@code -v1} for {@code
 *     three_component_v1})
 * @param regimes replace the calibration's macro regimes (probabilities summing to 1)
 * @param fundSize with {@code bucketMaxWeight}, sets the default deals per bucket
 */
@RegisterForReflection
public record GenerationRequest(
        UUID fundId,

        @NotNull @Size(min = 1, max = MatrixLimits.MAX_BUCKETS) List<@NotNull @Valid GenerationBucketRequest> buckets,

        @NotNull @Positive Integer scenarioCount,

        @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$") String calibrationVersion,

        @Size(min = 1, max = 8) List<@NotNull @Valid Regime> regimes,

        @Valid RecyclingRequest recycling,

        @Finite @Positive @DecimalMax("1e13") Double fundSize,

        @Finite @Positive @DecimalMax("1") Double bucketMaxWeight,

        @Schema(example = "round_by_round_v1") SimModel simModel,

        @Valid FundTimelineRequest fund) {

    /** The same request for the given owner. */
    public GenerationRequest withFundId(UUID owner) {
        return new GenerationRequest(
                owner,
                buckets,
                scenarioCount,
                calibrationVersion,
                regimes,
                recycling,
                fundSize,
                bucketMaxWeight,
                simModel,
                fund);
    }

    /** The model to run: the one named, else {@link SimModel#DEFAULT}. */
    public SimModel model() {
        return simModel != null ? simModel : SimModel.DEFAULT;
    }
}
