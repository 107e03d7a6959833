package dev.vcportfolio.session;

import dev.vcportfolio.calibration.CalibrationView;
import dev.vcportfolio.core.optimize.PortfolioDistribution;
import dev.vcportfolio.matrix.BucketParams;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Everything the investment-committee report shows of one completed session.
 *
 * @param result the session's answer, exactly as {@code GET /api/optimization/result/{id}} gives it
 * @param config the request as frozen at request time, defaults filled in
 * @param calibrationVersion the calibration the matrix was simulated with; null for a matrix the client uploaded
 * @param calibration that calibration's snapshot; null for an uploaded matrix, or when the snapshot could not be read
 * @param buckets the matrix's rows as the optimizer saw them (cheque, reserve, all-in cost), in row order
 * @param distribution the allocation's portfolio MOIC over the matrix's scenarios (in sample)
 */
record ReportInput(
        SessionResultView result,
        UUID fundId,
        OffsetDateTime createdAt,
        OffsetDateTime completedAt,
        SessionConfig config,
        String calibrationVersion,
        CalibrationView calibration,
        List<BucketParams> buckets,
        PortfolioDistribution distribution) {

    ReportInput {
        buckets = List.copyOf(buckets);
    }

    /** The scenario model named in the request, or the generation default; none for an uploaded matrix. */
    String simModel() {
        return config.generation() == null ? null : config.generation().model().name();
    }
}
