package dev.vcportfolio.calibration;

import dev.vcportfolio.core.error.DomainException;
import dev.vcportfolio.core.error.FieldViolation;
import dev.vcportfolio.core.model.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that tie a calibration's fields together (per-field ranges are bean-validation annotations). All
 * violations are reported at once.
 */
final class CalibrationRules {

    /** The exit fit {@code alpha = ln 5 / ln(p90 / median)} stays within [0.5, 5] only for these ratios. */
    static final double MIN_P90_TO_MEDIAN = 1.4;

    static final double MAX_P90_TO_MEDIAN = 25;

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
}
