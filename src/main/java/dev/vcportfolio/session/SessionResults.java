package dev.vcportfolio.session;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vcportfolio.optimize.AllocationRow;
import dev.vcportfolio.optimize.ConstraintRow;
import dev.vcportfolio.optimize.FundMetricsView;
import dev.vcportfolio.optimize.FundTermsRequest;
import dev.vcportfolio.optimize.RelaxationEntry;
import dev.vcportfolio.optimize.RiskMetrics;
import dev.vcportfolio.optimize.SensitivityRow;
import dev.vcportfolio.optimize.Uninvested;
import dev.vcportfolio.platform.json.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads a completed session's jsonb columns back into the result reply. */
@ApplicationScoped
class SessionResults {

    private static final TypeReference<List<AllocationRow>> ALLOCATION = new TypeReference<>() {};
    private static final TypeReference<List<ConstraintRow>> REPORT = new TypeReference<>() {};
    private static final TypeReference<List<RelaxationEntry>> LOG = new TypeReference<>() {};
    private static final TypeReference<List<SensitivityRow>> SENSITIVITY = new TypeReference<>() {};

    private final JsonColumns json;

    SessionResults(JsonColumns json) {
        this.json = json;
    }

    SessionResultView view(SessionRow row) {
        SessionConfig config = config(row);
        List<ConstraintRow> report = json.read(row.constraintReport(), REPORT);
        SolverMetadata solver = json.read(row.solverMetadata(), SolverMetadata.class);
        List<AllocationRow> allocation = json.read(row.allocation(), ALLOCATION);
        FundMetricsView fund = row.fundMetrics() == null ? null : json.read(row.fundMetrics(), FundMetricsView.class);
        double capital = fund == null ? config.fundSize() : fund.investableCapital();
        return new SessionResultView(
                row.id(),
                row.name().orElse(null),
                row.status().name(),
                row.matrixKey(),
                config.fundSize(),
                allocation,
                Uninvested.of(allocation, capital),
                solver.expectedMoic(),
                new RiskMetrics(
                        achieved(report, "lossProbability"),
                        achieved(report, "cvar"),
                        achieved(report, "expectedWinners")),
                report,
                json.read(row.relaxationLog(), LOG),
                row.sensitivity() == null ? List.of() : json.read(row.sensitivity(), SENSITIVITY),
                solver,
                row.pass1EStar(),
                row.primaryLockEpsilon(),
                json.read(row.validationMetrics(), ValidationView.class),
                FundTermsRequest.normalized(config.fundTerms()),
                fund);
    }

    SessionConfig config(SessionRow row) {
        return json.read(row.config(), SessionConfig.class);
    }

    List<AllocationRow> allocation(SessionRow row) {
        return json.read(row.allocation(), ALLOCATION);
    }

    SolverMetadata solver(SessionRow row) {
        return json.read(row.solverMetadata(), SolverMetadata.class);
    }

    private static double achieved(List<ConstraintRow> report, String constraint) {
        return report.stream()
                .filter(r -> r.constraint().equals(constraint))
                .mapToDouble(ConstraintRow::achieved)
                .findFirst()
                .orElse(Double.NaN);
    }
}
