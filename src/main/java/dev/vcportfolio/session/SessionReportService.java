package dev.vcportfolio.session;

import dev.vcportfolio.calibration.CalibrationService;
import dev.vcportfolio.calibration.CalibrationView;
import dev.vcportfolio.core.error.DomainException;
import dev.vcportfolio.core.optimize.PortfolioDistribution;
import dev.vcportfolio.matrix.GenerationRequest;
import dev.vcportfolio.matrix.GenerationService;
import dev.vcportfolio.matrix.MatrixService;
import dev.vcportfolio.matrix.OptimizationInput;
import dev.vcportfolio.optimize.AllocationRow;
import dev.vcportfolio.platform.executor.ComputePool;
import dev.vcportfolio.platform.security.FundScope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The investment-committee report of a completed session (DESIGN 16): the session read exactly as its result is (the
 * same fund check, 404 and 409), with its calibration and its matrix for the MOIC distribution; the document is
 * written on the compute pool.
 */
@ApplicationScoped
class SessionReportService {

    private final SessionService sessions;
    private final SessionResults results;
    private final CalibrationService calibrations;
    private final MatrixService matrices;
    private final ComputePool compute;

    SessionReportService(
            SessionService sessions,
            SessionResults results,
            CalibrationService calibrations,
            MatrixService matrices,
            ComputePool compute) {
        this.sessions = sessions;
        this.results = results;
        this.calibrations = calibrations;
        this.matrices = matrices;
        this.compute = compute;
    }

    /** The report as one HTML document; 404 for another fund's or an unknown session, 409 before COMPLETED. */
    Uni<String> report(UUID id, FundScope scope) {
        return sessions.completed(id, scope).chain(row -> {
            SessionConfig config = results.config(row);
            String version = calibrationVersion(config.generation());
            return Uni.combine()
                    .all()
                    .unis(calibration(version, row.fundId(), scope), matrices.optimizationInput(row.matrixKey()))
                    .asTuple()
                    .chain(found -> Uni.createFrom()
                            .item(() -> ReportDocument.html(
                                    input(row, config, version, found.getItem1().orElse(null), found.getItem2())))
                            .runSubscriptionOn(compute.executor()));
        });
    }

    private ReportInput input(
            SessionRow row,
            SessionConfig config,
            String version,
            CalibrationView calibration,
            OptimizationInput matrix) {
        SessionResultView result = results.view(row);
        Map<String, Double> byKey = result.allocation().stream()
                .collect(Collectors.toMap(AllocationRow::bucketKey, AllocationRow::weight, Double::sum));
        double[] weights = matrix.matrix().bucketKeys().stream()
                .mapToDouble(key -> byKey.getOrDefault(key, 0.0))
                .toArray();
        return new ReportInput(
                result,
                row.fundId(),
                row.createdAt(),
                row.completedAt(),
                config,
                version,
                calibration,
                matrix.params(),
                PortfolioDistribution.of(matrix.matrix(), weights));
    }

    /** The calibration a generated matrix was simulated with; none for an uploaded one. */
    private static String calibrationVersion(GenerationRequest generation) {
        if (generation == null) {
            return null;
        }
        return generation.calibrationVersion() != null
                ? generation.calibrationVersion()
                : GenerationService.defaultCalibration(generation.model());
    }

    /** Snapshots are immutable, so this finds the one the matrix used; a report without it beats no report. */
    private Uni<Optional<CalibrationView>> calibration(String version, UUID fundId, FundScope scope) {
        if (version == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return calibrations
                .get(version, Optional.of(fundId), scope)
                .map(Optional::of)
                .onFailure(DomainException.NotFound.class)
                .recoverWithItem(Optional.empty());
    }
}
