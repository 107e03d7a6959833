package dev.vcportfolio.core.scenario;

import dev.vcportfolio.core.model.Stage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the scenario model takes from a calibration snapshot.
 *
 * @param version the snapshot's version label, e.g. {@code industry-benchmark-v1}
 * @param transitions per-round stage chain, one entry for every {@link Stage}
 * @param exits calibrated exit multiples, one entry for every {@link Stage}
 * @param maxMoic cap on every exit draw and every cell, finite and &gt; 1 (250x by default)
 * @param maxRounds rounds a company may take; a company neither exited nor failed after them counts as failed, in [1,
 *     {@value #MAX_ROUNDS}]
 * @param regimes macro regimes, at least one, distinct names, probabilities summing to 1 (within 1e-6)
 * @param regimeImpact how far a regime shock moves the exit law: median and P90 scale by {@code 1 + shock *
 *     regimeImpact} (floored at 0), finite and &ge; 0
 * @param shocks bucket-systematic and idiosyncratic shock weights
 */
public record Calibration(
        String version,
        Map<Stage, StageTransition> transitions,
        Map<Stage, ExitOutcome> exits,
        double maxMoic,
        int maxRounds,
        List<Regime> regimes,
        double regimeImpact,
        ShockWeights shocks) {

    public static final int MAX_ROUNDS = 100;

    private static final double PROBABILITY_TOLERANCE = 1e-6;

    public Calibration {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a calibration needs a version: " + version);
        }
        transitions = completeCopy("transitions", transitions);
        exits = completeCopy("exits", exits);
        if (!(Double.isFinite(maxMoic) && maxMoic > 1)) {
            throw new IllegalArgumentException("maxMoic must be finite and > 1: " + maxMoic);
        }
        if (maxRounds < 1 || maxRounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("maxRounds must lie in [1, " + MAX_ROUNDS + "]: " + maxRounds);
        }
        regimes = checkedRegimes(regimes);
        if (!(Double.isFinite(regimeImpact) && regimeImpact >= 0)) {
            throw new IllegalArgumentException("regimeImpact must be finite and >= 0: " + regimeImpact);
        }
        if (shocks == null) {
            throw new IllegalArgumentException("shock weights are required");
        }
    }

    public StageTransition transition(Stage stage) {
        return transitions.get(stage);
    }

    public ExitOutcome exit(Stage stage) {
        return exits.get(stage);
    }

    /** A copy with other regimes, e.g. the regimes a generation request overrides. */
    public Calibration withRegimes(List<Regime> replacement) {
        return new Calibration(version, transitions, exits, maxMoic, maxRounds, replacement, regimeImpact, shocks);
    }

    private static <V> Map<Stage, V> completeCopy(String name, Map<Stage, V> byStage) {
        if (byStage == null) {
            throw new IllegalArgumentException(name + " are required");
        }
        EnumMap<Stage, V> copy = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            V value = byStage.get(stage);
            if (value == null) {
                throw new IllegalArgumentException(name + " lack stage " + stage);
            }
            copy.put(stage, value);
        }
        return Collections.unmodifiableMap(copy);
    }

    private static List<Regime> checkedRegimes(List<Regime> regimes) {
        if (regimes == null || regimes.isEmpty()) {
            throw new IllegalArgumentException("at least one regime is required");
        }
        List<Regime> copy = List.copyOf(new ArrayList<>(regimes));
        Set<String> names = new HashSet<>();
        double total = 0;
        for (Regime regime : copy) {
            if (!names.add(regime.name())) {
                throw new IllegalArgumentException("regime names must be distinct: " + regime.name());
            }
            total += regime.probability();
        }
        if (Math.abs(total - 1) > PROBABILITY_TOLERANCE) {
            throw new IllegalArgumentException("regime probabilities must sum to 1: " + total);
        }
        return copy;
    }
}
