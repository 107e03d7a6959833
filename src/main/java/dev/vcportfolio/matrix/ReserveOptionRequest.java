package dev.vcportfolio.matrix;

import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One reserve policy a bucket offers (DESIGN 13): a row of the matrices keyed {@code sector|stage|name}, so the
 * optimizer can choose between policies.
 *
 * @param name 1-32 of letters, digits, {@code . _ -}; distinct within the bucket
 * @param reserveRatio follow-on reserve per deal as a multiple of the initial cheque
 * @param followOn how the reserve is spent [pro rata, every round]
 */
@RegisterForReflection
public record ReserveOptionRequest(
        @Schema(example = "proRata")
        @NotNull @Pattern(regexp = "^[A-Za-z0-9._-]{1,32}$", message = "must be 1-32 of A-Z a-z 0-9 . _ -") String name,

        @Schema(example = "1.0") @NotNull @Finite @PositiveOrZero @DecimalMax("100") Double reserveRatio,

        @Valid FollowOnRequest followOn) {}
