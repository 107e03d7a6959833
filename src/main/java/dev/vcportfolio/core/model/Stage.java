package dev.vcportfolio.core.model;

import java.util.Optional;

/**
 * Entry round of a venture deal, in the order of the stage chain.
 *
 * <p>The constants are spelled exactly as they appear on the wire ({@code "Seed"}, {@code "SeriesA"}, …) so JSON
 * binding, OpenAPI enums and canonical keys all share one spelling.
 */
public enum Stage {
    Seed,
    SeriesA,
    SeriesB,
    SeriesC;

    /** The next stage of the chain; empty after {@link #SeriesC}, where graduation counts as an exit. */
    public Optional<Stage> next() {
        int next = ordinal() + 1;
        return next < values().length ? Optional.of(values()[next]) : Optional.empty();
    }

    /** Parses a wire spelling; empty for anything unknown (case-sensitive, like the JSON contract). */
    public static Optional<Stage> parse(String label) {
        for (Stage stage : values()) {
            if (stage.name().equals(label)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }
}
