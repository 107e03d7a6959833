package dev.vcportfolio.calibration;

import dev.vcportfolio.core.error.DomainException;
import dev.vcportfolio.core.error.FieldViolation;
import dev.vcportfolio.core.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules that tie a calibration's fields together (per-field ranges are bean-validation annotations). All
 * violations are reported at once.
 */
final class CalibrationRules {

    /** The exit fit {@code alpha = ln 5 / ln(p90 / median)} stays within [0.5, 5] only for these ratios. */
    static final double MIN_P90_TO_MEDIAN = 1.4;

    static final double MAX_P90_TO_MEDIAN = 25;

    /** Years at a stage: a median beyond this is no venture timeline (and a typo'd unit, e.g. months). */
    static final double MAX_YEARS_MEDIAN = 20;

    static final double MAX_YEARS_P90 = 50;

    /** A round priced more than a hundred times its predecessor's post-money is a typo, not a calibration. */
    static final double MAX_STEP_UP_P90 = 100;

    private static final double TOLERANCE = 1e-9;

    private CalibrationRules() {}

    static void check(CalibrationRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            TransitionRates rates = request.transitionStats().get(stage);
            if (rates == null) {
                violations.add(new FieldViolation("transitionStats." + stage, "is required for every stage"));
            } else if (rates.exitRate() + rates.graduateRate() + rates.failureRate() > 1 + TOLERANCE) {
                violations.add(new FieldViolation(
                        "transitionStats." + stage, "exitRate + graduateRate + failureRate must be at most 1"));
            }
            ExitOutcome exit = request.exitOutcomes().get(stage);
            if (exit == null) {
                violations.add(new FieldViolation("exitOutcomes." + stage, "is required for every stage"));
            } else if (!(exit.p90MOIC() > exit.medianMOIC())) {
                violations.add(new FieldViolation("exitOutcomes." + stage + ".p90MOIC", "must exceed medianMOIC"));
            } else {
                double ratio = exit.p90MOIC() / exit.medianMOIC();
                if (ratio < MIN_P90_TO_MEDIAN || ratio > MAX_P90_TO_MEDIAN) {
                    violations.add(new FieldViolation(
                            "exitOutcomes." + stage + ".p90MOIC",
                            "p90MOIC / medianMOIC must lie in [" + MIN_P90_TO_MEDIAN + ", " + MAX_P90_TO_MEDIAN
                                    + "] for the Pareto fit (got " + ratio + ")"));
                }
            }
        }
        if (request.roundDynamics() != null) {
            checkRoundDynamics(request.roundDynamics(), violations);
        }
        if (request.regimes() != null) {
            double total =
                    request.regimes().stream().mapToDouble(Regime::probability).sum();
            if (Math.abs(total - 1) > 1e-6) {
                violations.add(new FieldViolation("regimes", "probabilities must sum to 1 (got " + total + ")"));
            }
            long names = request.regimes().stream().map(Regime::name).distinct().count();
            if (names != request.regimes().size()) {
                violations.add(new FieldViolation("regimes", "regime names must be distinct"));
            }
        }
        if (!violations.isEmpty()) {
            throw new DomainException.Invalid("the calibration is inconsistent", violations);
        }
    }

    /**
     * Every stage is needed; {@code stepUp} and {@code dilution} may be omitted only at Seed, the first stage, whose
     * entry round has no predecessor. Per-field ranges without a cross-field or per-law bound are bean validation's.
     */
    private static void checkRoundDynamics(Map<Stage, StageRoundDynamics> dynamics, List<FieldViolation> violations) {
        for (Stage stage : Stage.values()) {
            String field = "roundDynamics." + stage;
            StageRoundDynamics stageDynamics = dynamics.get(stage);
            if (stageDynamics == null) {
                violations.add(new FieldViolation(field, "is required for every stage when roundDynamics is given"));
                continue;
            }
            checkLaw(field + ".yearsToNextRound", stageDynamics.yearsToNextRound(), violations);
            checkUpperBound(
                    field + ".yearsToNextRound.median",
                    median(stageDynamics.yearsToNextRound()),
                    MAX_YEARS_MEDIAN,
                    violations);
            checkUpperBound(
                    field + ".yearsToNextRound.p90", p90(stageDynamics.yearsToNextRound()), MAX_YEARS_P90, violations);
            boolean first = stage == Stage.Seed;
            if (stageDynamics.stepUp() == null) {
                if (!first) {
                    violations.add(new FieldViolation(field + ".stepUp", "is required for every stage but Seed"));
                }
            } else {
                checkLaw(field + ".stepUp", stageDynamics.stepUp(), violations);
                checkUpperBound(field + ".stepUp.p90", p90(stageDynamics.stepUp()), MAX_STEP_UP_P90, violations);
            }
            if (stageDynamics.dilution() == null && !first) {
                violations.add(new FieldViolation(field + ".dilution", "is required for every stage but Seed"));
            }
        }
    }

    private static void checkLaw(String field, MedianAndP90 law, List<FieldViolation> violations) {
        if (law != null && law.median() != null && law.p90() != null && !(law.p90() >= law.median())) {
            violations.add(new FieldViolation(field + ".p90", "must be >= median"));
        }
    }

    private static void checkUpperBound(String field, Double value, double max, List<FieldViolation> violations) {
        if (value != null && value > max) {
            violations.add(new FieldViolation(field, "must be at most " + (long) max));
        }
    }

    private static Double median(MedianAndP90 law) {
        return law == null ? null : law.median();
    }

    private static Double p90(MedianAndP90 law) {
        return law == null ? null : law.p90();
    }
}
