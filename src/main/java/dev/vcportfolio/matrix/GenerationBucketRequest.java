package dev.vcportfolio.matrix;

import dev.vcportfolio.core.model.Stage;
import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One bucket of a fund to simulate.
 *
 * @param dealsPerBucket company paths averaged per cell; default {@code max(1, round(fundSize x bucketMaxWeight /
 *     allInCost))}, or 1 without those (per reserve option, with its own all-in cost)
 * @param entryValuation round-by-round only: post-money at entry; default the calibration's entryPostMoney for the stage
 * @param followOn round-by-round only: how the reserve is spent [pro rata, every round]
 * @param reserveOptions round-by-round only: 1-4 alternative reserve policies, one matrix row each; without them the
 *     bucket's own reserveRatio and followOn make its one row
 */
@RegisterForReflection
public record GenerationBucketRequest(
        @Schema(example = "SaaS")
        @NotNull @Pattern(regexp = MatrixBucketRequest.SECTOR_PATTERN, message = "must be 1-64 characters without '|'") String sector,

        @NotNull Stage stage,

        @Schema(example = "1500000") @NotNull @Finite @Positive @DecimalMax("1e12") Double initialCheck,

        @Schema(example = "1.0") @NotNull @Finite @PositiveOrZero @DecimalMax("100") Double reserveRatio,

        @Min(1) @Max(10_000) Integer dealsPerBucket,

        @Schema(example = "15000000") @Finite @Positive @DecimalMax("1e13") Double entryValuation,

        @Valid FollowOnRequest followOn,

        @Size(min = 1, max = 4) List<@NotNull @Valid ReserveOptionRequest> reserveOptions) {

    /** A bucket without the round-by-round fields. */
    public GenerationBucketRequest(
            String sector, Stage stage, Double initialCheck, Double reserveRatio, Integer dealsPerBucket) {
        this(sector, stage, initialCheck, reserveRatio, dealsPerBucket, null, null, null);
    }
}
