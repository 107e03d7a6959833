package dev.vcportfolio.core.scenario;

import dev.vcportfolio.core.model.CashflowMatrix;
import dev.vcportfolio.core.model.MoicMatrix;
import java.util.List;

/**
 * A round-by-round generation: both matrices, with what the service stores beside them.
 *
 * @param modelVersion {@value RoundByRoundGenerator#MODEL_VERSION}
 * @param moic per allocated dollar: (proceeds + NAV + unused reserve) / (deals x initialCheck x (1 + reserveRatio)),
 *     finite, &ge; 0, rows in canonical order
 * @param cashflows per allocated dollar by year, the NAV last; a cell sums to its MOIC minus 1
 * @param rows per-row statistics, in the matrices' row order
 * @param diagnostics counts for metrics and tests ({@code recycledPaths} is always 0)
 * @param followOns follow-on cheques written across the generation
 * @param privateAtHorizon deals still private at the horizon across the generation
 */
public record RoundGenerationResult(
        String modelVersion,
        MoicMatrix moic,
        CashflowMatrix cashflows,
        List<RowStatistics> rows,
        GenerationDiagnostics diagnostics,
        long followOns,
        long privateAtHorizon) {

    public RoundGenerationResult {
        rows = List.copyOf(rows);
    }
}
