package dev.vcportfolio.calibration;

import dev.vcportfolio.core.model.Stage;
import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A calibration a fund brings: its stage transition rates and exit multiples, and optionally the round dynamics of
 * the round-by-round model. Optional model fields default to the shipped benchmark's model parameters; a calibration
 * without round dynamics falls back to {@code industry-benchmark-v2}'s.
 */
@RegisterForReflection
public record CalibrationRequest(
        @NotNull @Pattern(regexp = VERSION_PATTERN, message = "must be 1-64 of A-Z a-z 0-9 . _ - (first not . _ -)")
        String version,

        UUID fundId,
        @NotNull @Size(min = 1, max = 4) Map<Stage, @NotNull @Valid TransitionRates> transitionStats,
        @NotNull @Size(min = 1, max = 4) Map<Stage, @NotNull @Valid ExitOutcome> exitOutcomes,

        @Schema(description = ROUND_DYNAMICS) @Size(min = 1, max = 4) Map<Stage, @NotNull @Valid StageRoundDynamics> roundDynamics,

        @Finite @Positive @DecimalMax("100000") Double maxMoic,
        @Min(1) @Max(100) Integer maxRounds,
        @Size(min = 1, max = 16) List<@NotNull @Valid Regime> regimes,
        @Finite @DecimalMin("0") @DecimalMax("2") Double regimeImpact,
        @Finite @DecimalMin("0") @DecimalMax("1") Double shockScale,
        @Finite @DecimalMin("0") @DecimalMax("1") Double systematicWeight,
        @Finite @DecimalMin("0") @DecimalMax("1") Double idiosyncraticWeight,
        @Min(0) Integer sampleSize,
        @Size(max = 200) String dataWindow,
        @Size(max = 200) String calibrationMethod) {

    public static final String VERSION_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    static final String ROUND_DYNAMICS = "Optional calibration v2 fields, per stage (all four when given):"
            + " yearsToNextRound, stepUp (of the round into the stage; optional for Seed, meaning 1), dilution (of"
            + " that round, in [0, 0.9]; optional for Seed, meaning 0) and entryPostMoney. A calibration without them"
            + " falls back to industry-benchmark-v2's.";

    /** The same calibration for the given owner. */
    public CalibrationRequest withFundId(UUID owner) {
        return new CalibrationRequest(
                version,
                owner,
                transitionStats,
                exitOutcomes,
                roundDynamics,
                maxMoic,
                maxRounds,
                regimes,
                regimeImpact,
                shockScale,
                systematicWeight,
                idiosyncraticWeight,
                sampleSize,
                dataWindow,
                calibrationMethod);
    }
}
