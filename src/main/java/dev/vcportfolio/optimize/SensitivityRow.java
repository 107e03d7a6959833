package dev.vcportfolio.optimize;

import dev.vcportfolio.core.optimize.Sensitivity;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * What loosening one limit in force buys (DESIGN 16).
 *
 * @param constraint the limit, named as in the constraint report ({@code lossProbability}, {@code bucketCap}, ...)
 * @param subject the sector or stage of a group bound, else empty
 * @param step the change made: {@code to - from} (negative for minimums and the winners floor)
 * @param from the limit the answer meets
 * @param to the loosened limit
 * @param expectedMultiple the optimum's expected MOIC under the loosened limit
 * @param expectedMultipleGain what the step buys: {@code expectedMultiple} less the answer's optimum, never negative
 * @param proven both optima proven to the request's gap (false when the budget ended first)
 */
@RegisterForReflection
public record SensitivityRow(
        String constraint,
        String subject,
        double step,
        double from,
        double to,
        double expectedMultiple,
        double expectedMultipleGain,
        boolean proven) {

    public static List<SensitivityRow> of(List<Sensitivity.Row> rows) {
        return rows.stream()
                .map(r -> new SensitivityRow(
                        ResultRows.name(r.kind()),
                        r.subject(),
                        Math.round((r.to() - r.from()) * 1e6) / 1e6,
                        r.from(),
                        r.to(),
                        r.expectedMoic(),
                        r.gain(),
                        r.proven()))
                .toList();
    }
}
