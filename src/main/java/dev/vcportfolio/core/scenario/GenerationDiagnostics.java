package dev.vcportfolio.core.scenario;

import dev.vcportfolio.core.model.Stage;
import java.util.Map;

/**
 * Counts describing a generation, for metrics and tests; deterministic like the matrix itself.
 *
 * @param regimeScenarios scenarios drawn into each regime, by name, in calibration order
 * @param stageRounds how rounds ended, by stage
 * @param companyPaths base company paths simulated ({@code scenarios x sum of dealsPerBucket})
 * @param recycledPaths extra paths bought with recycled proceeds
 * @param exits paths that exited (base and recycled)
 * @param roundLimitFailures paths that failed by running out of rounds
 * @param cappedDraws exits cut down to maxMoic
 * @param chunks units of work the scenarios were split into
 */
public record GenerationDiagnostics(
        Map<String, Long> regimeScenarios,
        Map<Stage, StageTally> stageRounds,
        long companyPaths,
        long recycledPaths,
        long exits,
        long roundLimitFailures,
        long cappedDraws,
        int chunks) {}
