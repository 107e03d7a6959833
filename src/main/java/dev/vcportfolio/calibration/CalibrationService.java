package dev.vcportfolio.calibration;

import dev.vcportfolio.core.error.DomainException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Stores and serves calibration snapshots. Versions are immutable: a second write of a version is a conflict. */
@ApplicationScoped
public class CalibrationService {

    static final int LIST_LIMIT = 500;

    private final Pool pool;
    private final CalibrationRepository repository;

    CalibrationService(Pool pool, CalibrationRepository repository) {
        this.pool = pool;
        this.repository = repository;
    }

    public Uni<CalibrationView> create(CalibrationRequest request) {
        CalibrationRules.check(request);
        ModelParams params = ModelParams.from(request);
        return repository
                .insert(pool, request, params)
                .map(created -> created.orElseThrow(() -> new DomainException.Conflict(
                        "calibration version '" + request.version() + "' already exists; versions are immutable")));
    }

    public Uni<CalibrationView> get(String version) {
        return repository
                .findByVersion(version)
                .map(found -> found.orElseThrow(
                        () -> new DomainException.NotFound("no calibration with version '" + version + "'")));
    }

    public Uni<List<CalibrationView>> list(List<UUID> fundIds) {
        return repository.list(fundIds, LIST_LIMIT);
    }
}
