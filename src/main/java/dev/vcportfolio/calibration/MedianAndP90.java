package dev.vcportfolio.calibration;

import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A lognormal law as calibrations state it: its median and 90th percentile, {@code p90 >= median > 0} (equal: a fixed
 * value). Upper bounds depend on what the law describes and are checked by {@link CalibrationRules}.
 */
@RegisterForReflection
@Schema(description = "A lognormal law by its median and 90th percentile: p90 >= median > 0; equal means a fixed value")
public record MedianAndP90(
        @NotNull @Finite @Positive Double median,
        @NotNull @Finite @Positive Double p90) {

    /** A law that always gives {@code value}. */
    static MedianAndP90 fixed(double value) {
        return new MedianAndP90(value, value);
    }
}
