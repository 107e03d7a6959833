package dev.vcportfolio.calibration;

import dev.vcportfolio.core.model.Stage;
import dev.vcportfolio.core.scenario.LognormalLaw;
import dev.vcportfolio.core.scenario.RoundDynamics;
import dev.vcportfolio.core.scenario.StageDynamics;
import dev.vcportfolio.web.validation.Finite;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The calibration v2 fields of one stage (DESIGN 13). {@code stepUp} and {@code dilution} describe the round that
 * takes a company into this stage; at the first stage (Seed) there is no such round, so they may be omitted there and
 * are stored as a fixed step-up of 1 and a dilution of 0.
 *
 * @param yearsToNextRound years a company spends at this stage before its next transition draw
 * @param stepUp post-money of the round into this stage over the previous post-money
 * @param dilution share of the company that round sells, in [0, 0.9]
 * @param entryPostMoney post-money at which a fund enters at this stage by default, fund currency units, (0, 1e12]
 */
@RegisterForReflection
@Schema(
        description = "Round dynamics of one stage: time to the next round, the step-up and dilution of the round into"
                + " this stage (optional for Seed: 1 and 0), and the usual entry post-money valuation")
public record StageRoundDynamics(
        @NotNull @Valid MedianAndP90 yearsToNextRound,
        @Valid MedianAndP90 stepUp,

        @Finite @DecimalMin(value = "0", message = DILUTION_RANGE) @DecimalMax(value = "0.9", message = DILUTION_RANGE) Double dilution,

        @NotNull @Finite @Positive @DecimalMax("1e12") Double entryPostMoney) {

    static final String DILUTION_RANGE = "must lie in [0, 0.9]";

    /**
     * The stages as stored: in stage order, each with an omitted step-up and dilution filled in as "no round" (a fixed 1
     * and 0). Only Seed may omit them (CalibrationRules).
     */
    static Map<Stage, StageRoundDynamics> normalized(Map<Stage, StageRoundDynamics> byStage) {
        EnumMap<Stage, StageRoundDynamics> stored = new EnumMap<>(Stage.class);
        byStage.forEach((stage, dynamics) -> stored.put(stage, dynamics.withNoRoundDefaults()));
        return stored;
    }

    /** The engine's record of stored (complete, normalized) round dynamics. */
    static RoundDynamics toCore(Map<Stage, StageRoundDynamics> byStage) {
        EnumMap<Stage, StageDynamics> core = new EnumMap<>(Stage.class);
        byStage.forEach((stage, d) -> {
            StageRoundDynamics n = d.withNoRoundDefaults();
            core.put(
                    stage,
                    new StageDynamics(
                            new LognormalLaw(
                                    n.yearsToNextRound().median(),
                                    n.yearsToNextRound().p90()),
                            new LognormalLaw(n.stepUp().median(), n.stepUp().p90()),
                            n.dilution(),
                            n.entryPostMoney()));
        });
        return new RoundDynamics(core);
    }

    /** The same stage with an omitted step-up and dilution filled in as "no round": a fixed 1 and 0. */
    StageRoundDynamics withNoRoundDefaults() {
        return new StageRoundDynamics(
                yearsToNextRound,
                stepUp != null ? stepUp : MedianAndP90.fixed(1),
                dilution != null ? dilution : 0.0,
                entryPostMoney);
    }
}
