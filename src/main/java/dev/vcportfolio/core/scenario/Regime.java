package dev.vcportfolio.core.scenario;

/**
 * A macro regime: each scenario draws one by probability, then a regime shock uniform in [{@code shockMin},
 * {@code shockMax}]. A range given reversed is swapped, so both spellings mean (and key) the same regime.
 *
 * @param name distinct, non-blank label such as {@code boom}
 * @param probability chance that a scenario falls in this regime, in [0, 1]
 * @param shockMin lower end of the regime shock, in [-1, 1]
 * @param shockMax upper end of the regime shock, in [-1, 1], &ge; shockMin after swapping
 */
public record Regime(String name, double probability, double shockMin, double shockMax) {

    public Regime {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a regime needs a name: " + name);
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability of regime " + name + " must lie in [0, 1]: " + probability);
        }
        if (!(shockMin >= -1 && shockMin <= 1 && shockMax >= -1 && shockMax <= 1)) {
            throw new IllegalArgumentException(
                    "shock range of regime " + name + " must lie in [-1, 1]: [" + shockMin + ", " + shockMax + "]");
        }
        if (shockMin > shockMax) {
            double swap = shockMin;
            shockMin = shockMax;
            shockMax = swap;
        }
    }
}
