package dev.vcportfolio.calibration;

import dev.vcportfolio.core.error.DomainException;
import dev.vcportfolio.platform.security.FundScope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Stores and serves calibration snapshots. Versions are immutable: a second write of a version is a conflict. A
 * snapshot belongs to a fund (visible to that fund's tokens only) or, with no fund, is a shared benchmark (shipped by
 * migrations; visible to every token).
 */
@ApplicationScoped
public class CalibrationService {

    static final int LIST_LIMIT = 500;

    private final Pool pool;
    private final CalibrationRepository repository;

    CalibrationService(Pool pool, CalibrationRepository repository) {
        this.pool = pool;
        this.repository = repository;
    }

    /** Stores a snapshot for the fund it names, or the token's first fund; a fund the token does not hold is a 404. */
    public Uni<CalibrationView> create(CalibrationRequest body, FundScope scope) {
        CalibrationRequest request = body.withFundId(scope.owner(body.fundId()));
        CalibrationRules.check(request);
        ModelParams params = ModelParams.from(request);
        return repository
                .insert(pool, request, params)
                .map(created -> created.orElseThrow(() -> new DomainException.Conflict(
                        "calibration version '" + request.version() + "' already exists; versions are immutable")));
    }

    /** A shared benchmark or one of the caller's funds' snapshots; another fund's is as unknown as a missing one. */
    public Uni<CalibrationView> get(String version, FundScope scope) {
        return repository
                .findByVersion(version)
                .map(found -> found.filter(view -> view.fundId() == null || scope.sees(view.fundId()))
                        .orElseThrow(
                                () -> new DomainException.NotFound("no calibration with version '" + version + "'")));
    }

    /** The shared benchmarks and the caller's funds' snapshots. */
    public Uni<List<CalibrationView>> list(FundScope scope) {
        return repository.list(scope.funds(), LIST_LIMIT);
    }
}
