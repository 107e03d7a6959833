package dev.vcportfolio.calibration;

import dev.vcportfolio.core.error.DomainException;
import dev.vcportfolio.platform.security.FundScope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores and serves calibration snapshots. A snapshot belongs to a fund (visible to that fund's tokens only) or, with
 * no fund, is a shared benchmark (shipped by migrations; visible to every token). Versions are per fund and immutable:
 * a fund's second write of a version is a conflict, while another fund's same version name is a separate snapshot it
 * never learns of. A fund version may not repeat a shared one's name, so a version means one thing to a fund.
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
                .map(created -> created.orElseThrow(() -> new DomainException.Conflict("calibration version '"
                        + request.version() + "' already exists for fund " + request.fundId()
                        + " or as a shared benchmark; versions are immutable")));
    }

    /**
     * A version as the caller sees it: the named fund's snapshot (a fund the token does not hold is a 404), or with no
     * fund named the first of the token's funds that has it; else a shared benchmark of that version. Another fund's
     * snapshot is as unknown as a missing one.
     */
    public Uni<CalibrationView> get(String version, Optional<UUID> fundId, FundScope scope) {
        List<UUID> funds = fundId.map(fund -> List.of(scope.owner(fund))).orElse(scope.funds());
        return repository
                .findVisible(version, funds)
                .map(found -> found.orElseThrow(
                        () -> new DomainException.NotFound("no calibration with version '" + version + "'")));
    }

    /** The shared benchmarks and the caller's funds' snapshots. */
    public Uni<List<CalibrationView>> list(FundScope scope) {
        return repository.list(scope.funds(), LIST_LIMIT);
    }
}
