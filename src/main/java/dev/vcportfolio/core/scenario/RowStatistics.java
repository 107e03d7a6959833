package dev.vcportfolio.core.scenario;

/**
 * What the service stores beside a round-by-round row (in {@code bucket_params}) and the optimizer reads.
 *
 * @param key the row key, {@code sector|stage} or {@code sector|stage|option}
 * @param deals company paths per cell
 * @param reserveDeployment mean follow-on dollars per deal over its initial cheque, &ge; 0 (at most the reserve ratio)
 * @param pWin share of the row's deals whose value (proceeds and NAV) came to at least 10x what the fund paid in, in
 *     [0, 1]
 * @param meanYearsToExit mean years from entry to exit over the deals that exited; 0 when none did
 * @param meanOwnershipAtExit mean ownership when exiting over the deals that exited, in [0, 1]; 0 when none did
 * @param exitShare share of the row's deals that exited within the horizon, in [0, 1]
 * @param privateShare share still private at the horizon (held at NAV), in [0, 1]
 * @param meanMoic mean of the row's MOIC cells, &ge; 0
 */
public record RowStatistics(
        String key,
        int deals,
        double reserveDeployment,
        double pWin,
        double meanYearsToExit,
        double meanOwnershipAtExit,
        double exitShare,
        double privateShare,
        double meanMoic) {}
