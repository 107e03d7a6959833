package dev.vcportfolio.matrix;

import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.core.model.Stage;
import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One bucket of a matrix the client brings.
 *
 * @param sector free sector name, 1-64 characters without {@code |}
 * @param stage entry round
 * @param initialCheck first cheque per deal, fund currency
 * @param reserveRatio follow-on reserve as a multiple of the initial cheque
 * @param pWin optional per-deal probability of a 10x winner; derived from the cells (share >= 10) when absent
 */
@RegisterForReflection
public record MatrixBucketRequest(
        @NotNull @Pattern(regexp = SECTOR_PATTERN, message = "must be 1-64 characters without '|'") @Schema(examples = "SaaS")
        String sector,

        @NotNull Stage stage,

        @NotNull @Finite @Positive @DecimalMax("1e12") @Schema(examples = "1500000")
        Double initialCheck,

        @NotNull @Finite @PositiveOrZero @DecimalMax("100") @Schema(examples = "1.0")
        Double reserveRatio,

        @Finite @DecimalMin("0") @DecimalMax("1") Double pWin) {

    public static final String SECTOR_PATTERN = "^[^|]{1,64}$";

    BucketSpec spec() {
        return new BucketSpec(sector, stage, initialCheck, reserveRatio);
    }
}
