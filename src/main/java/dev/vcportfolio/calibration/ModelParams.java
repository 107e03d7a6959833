package dev.vcportfolio.calibration;

import dev.vcportfolio.core.scenario.BenchmarkCalibration;
import dev.vcportfolio.core.scenario.Calibration;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The scenario model's parameters beside the stage tables, stored as {@code model_params}.
 *
 * @param maxMoic cap on every exit draw (default 250x)
 * @param maxRounds rounds a company may take before it counts as failed (default 8)
 * @param regimes macro regimes with probabilities summing to 1
 * @param regimeImpact how far a regime shock moves the exit median: factor {@code 1 + shock * regimeImpact}
 * @param shockScale scale of the systematic and idiosyncratic shocks on an exit
 * @param systematicWeight weight of the bucket-wide shock
 * @param idiosyncraticWeight weight of the per-deal shock
 */
@RegisterForReflection
public record ModelParams(
        double maxMoic,
        int maxRounds,
        List<Regime> regimes,
        double regimeImpact,
        double shockScale,
        double systematicWeight,
        double idiosyncraticWeight) {

    /** The shipped benchmark's parameters (DESIGN section 7), from the engine's one definition of them. */
    public static ModelParams benchmarkDefaults() {
        Calibration benchmark = BenchmarkCalibration.industryBenchmarkV1();
        return new ModelParams(
                benchmark.maxMoic(),
                benchmark.maxRounds(),
                benchmark.regimes().stream()
                        .map(r -> new Regime(r.name(), r.probability(), r.shockMin(), r.shockMax()))
                        .toList(),
                benchmark.regimeImpact(),
                benchmark.shocks().shockScale(),
                benchmark.shocks().systematicWeight(),
                benchmark.shocks().idiosyncraticWeight());
    }

    /** The request's values where given, the benchmark's otherwise. */
    static ModelParams from(CalibrationRequest request) {
        ModelParams d = benchmarkDefaults();
        return new ModelParams(
                request.maxMoic() != null ? request.maxMoic() : d.maxMoic(),
                request.maxRounds() != null ? request.maxRounds() : d.maxRounds(),
                request.regimes() != null ? List.copyOf(request.regimes()) : d.regimes(),
                request.regimeImpact() != null ? request.regimeImpact() : d.regimeImpact(),
                request.shockScale() != null ? request.shockScale() : d.shockScale(),
                request.systematicWeight() != null ? request.systematicWeight() : d.systematicWeight(),
                request.idiosyncraticWeight() != null ? request.idiosyncraticWeight() : d.idiosyncraticWeight());
    }
}
