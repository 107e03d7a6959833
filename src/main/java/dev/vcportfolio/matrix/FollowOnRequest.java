package dev.vcportfolio.matrix;

import dev.vcportfolio.core.scenario.FollowOnMode;
import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a bucket's deals follow on (DESIGN 13), always within the deal's reserve ({@code reserveRatio x initialCheck}).
 *
 * @param mode {@code proRata} [default]: keep the ownership; {@code fixed}: {@code multiple x initialCheck} a round
 * @param multiple the fixed cheque as a multiple of the initial one (fixed only)
 * @param participation probability of following on in a supported round [1]
 * @param rounds how many rounds after entry are supported [every round]
 */
@RegisterForReflection
public record FollowOnRequest(
        @Schema(example = "proRata") FollowOnMode mode,

        @Schema(example = "0.5") @Finite @Positive @DecimalMax("100") Double multiple,

        @Schema(example = "1") @Finite @DecimalMin("0") @DecimalMax("1") Double participation,

        @Schema(example = "2") @Min(0) @Max(100) Integer rounds) {}
