package dev.vcportfolio.core.scenario;

import dev.vcportfolio.core.model.Stage;

/**
 * A calibration's stage chain and exit laws flattened for the inner loop, shared by both scenario models: per stage the
 * cumulative cut points of one round's uniform draw (below {@code exitCut} an exit, then graduation, then failure, else
 * the company stays) and the Pareto exit law as {@code xmin * exp(negativeInverseAlpha * ln(1 - u))}.
 */
final class StageLaws {

    static final int STAGES = Stage.values().length;

    final double[] exitCut = new double[STAGES];
    final double[] graduateCut = new double[STAGES];
    final double[] failureCut = new double[STAGES];
    final double[] xmin = new double[STAGES];
    final double[] negativeInverseAlpha = new double[STAGES];
    final double maxMoic;
    final int maxRounds;

    StageLaws(Calibration calibration) {
        for (Stage stage : Stage.values()) {
            int g = stage.ordinal();
            StageTransition t = calibration.transition(stage);
            exitCut[g] = t.exitRate();
            graduateCut[g] = t.exitRate() + t.graduateRate();
            failureCut[g] = t.exitRate() + t.graduateRate() + t.failureRate();
            ParetoExit law = ParetoExit.fit(calibration.exit(stage));
            xmin[g] = law.xmin();
            negativeInverseAlpha[g] = -1 / law.alpha();
        }
        maxMoic = calibration.maxMoic();
        maxRounds = calibration.maxRounds();
    }

    /**
     * The Pareto quantile at {@code u} in [0, 1) for the round-by-round model: {@link ParetoExit#quantile}'s formula
     * with the table-based {@link Logarithm} and {@link Exponential} (the one-period model keeps StrictMath's, so its
     * stored matrices stay the same bits).
     */
    double pareto(int stage, double u) {
        return xmin[stage] * Exponential.exp(negativeInverseAlpha[stage] * Logarithm.log(1 - u));
    }
}
