package dev.vcportfolio.session;

import dev.vcportfolio.core.error.DomainException;
import dev.vcportfolio.core.key.CanonicalJson;
import dev.vcportfolio.core.key.MatrixKey;
import dev.vcportfolio.core.model.BucketSpec;
import dev.vcportfolio.matrix.GenerationService;
import dev.vcportfolio.matrix.MatrixLimits;
import dev.vcportfolio.matrix.MatrixService;
import dev.vcportfolio.matrix.MatrixState;
import dev.vcportfolio.matrix.MatrixView;
import dev.vcportfolio.optimize.FundTermsRequest;
import dev.vcportfolio.optimize.LimitsRules;
import dev.vcportfolio.outbox.JobType;
import dev.vcportfolio.outbox.OutboxRepository;
import dev.vcportfolio.platform.json.JsonColumns;
import dev.vcportfolio.platform.security.FundScope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Optimization sessions (DESIGN 6): a request becomes a session, its matrix and its first job in one transaction, and
 * can be read, replayed with the same Idempotency-Key, or cancelled.
 */
@ApplicationScoped
public class SessionService {

    /** A created or replayed session. {@code created} answers 202, a replay 200. */
    public record Requested(SessionAccepted accepted, boolean created) {}

    private final Pool pool;
    private final SessionRepository repository;
    private final GenerationService generation;
    private final MatrixService matrices;
    private final OutboxRepository outbox;
    private final MatrixLimits limits;
    private final JsonColumns json;
    private final SessionResults results;

    SessionService(
            Pool pool,
            SessionRepository repository,
            GenerationService generation,
            MatrixService matrices,
            OutboxRepository outbox,
            MatrixLimits limits,
            JsonColumns json,
            SessionResults results) {
        this.pool = pool;
        this.repository = repository;
        this.generation = generation;
        this.matrices = matrices;
        this.outbox = outbox;
        this.limits = limits;
        this.json = json;
        this.results = results;
    }

    /**
     * Starts a session for a fund the token holds (another fund is a 404), on a matrix of one of its funds (another
     * fund's matrixKey is as unknown as one never stored).
     */
    public Uni<Requested> request(SessionRequest asked, Optional<String> idempotencyKey, FundScope scope) {
        SessionRules.check(asked, limits.maxCells());
        SessionRequest request = asked.withFundId(scope.owner(asked.fundId()));
        var deals = LimitsRules.toDeals(request.constraints(), "constraints");
        if (request.matrixKey() != null) {
            return storedMatrix(request.matrixKey(), scope).chain(view -> {
                var riskLimits = LimitsRules.toLimits(request.constraints(), "constraints", sectorsOf(view));
                var config = config(request, view.matrixKey(), riskLimits, deals, null);
                return start(
                        config,
                        SessionRules.name(request),
                        idempotencyKey,
                        tx -> matrices.lockState(tx, view.matrixKey())
                                .map(state -> state.orElseThrow(() -> unknownMatrix(view.matrixKey()))));
            });
        }
        var riskLimits = LimitsRules.toLimits(
                request.constraints(),
                "constraints",
                Optional.of(new HashSet<>(
                        request.buckets().stream().map(b -> b.sector()).toList())));
        var generationRequest = SessionRules.generation(request);
        return generation.plan(generationRequest, scope).chain(planned -> {
            var config = config(request, planned.key().hex(), riskLimits, deals, generationRequest);
            return start(
                    config,
                    SessionRules.name(request),
                    idempotencyKey,
                    tx -> generation.ensure(tx, planned, request.fundId()));
        });
    }

    /**
     * A page of a fund's sessions, newest first (DESIGN 16). The fund is one the token holds (another is a 404 naming
     * only the id sent, as when creating); without one, the token's first fund.
     */
    public Uni<SessionPage> list(SessionListQuery query, FundScope scope) {
        UUID fund = scope.owner(query.fundId().orElse(null));
        return repository.page(fund, query.after(), query.limit() + 1).map(rows -> SessionPage.of(rows, query.limit()));
    }

    public Uni<SessionStatusView> status(UUID id, FundScope scope) {
        return found(id, scope).map(SessionStatusView::of);
    }

    /** The answer of a COMPLETED session; 409 before that, with the reason for a FAILED one. */
    public Uni<SessionResultView> result(UUID id, FundScope scope) {
        return completed(id, scope).map(results::view);
    }

    /** A COMPLETED session of one of the caller's funds, as stored: what the result and its report read. */
    Uni<SessionRow> completed(UUID id, FundScope scope) {
        return found(id, scope).map(row -> switch (row.status()) {
            case COMPLETED -> row;
            case FAILED ->
                throw new DomainException.Conflict(
                        "session " + id + " FAILED: " + row.errorReason().orElse("no reason recorded"));
            case REQUESTED, MATRIX_GENERATING, OPTIMIZING, VALIDATING, CANCELLED ->
                throw new DomainException.Conflict(
                        "session " + id + " is " + row.status() + "; the result exists once it is COMPLETED");
        });
    }

    /** Cancels a non-terminal session and its jobs not yet started; 409 when it already ended otherwise. */
    public Uni<SessionStatusView> cancel(UUID id, FundScope scope) {
        return found(id, scope)
                .chain(row -> pool.withTransaction(tx -> repository
                        .cancel(tx, id)
                        .call(() -> outbox.cancelPending(
                                tx,
                                List.of(
                                        JobType.OPTIMIZATION.idempotencyKey(id.toString()),
                                        JobType.VALIDATION.idempotencyKey(id.toString()))))))
                .chain(() -> found(id, scope))
                .map(row -> {
                    if (row.status() != SessionStatus.CANCELLED) {
                        throw new DomainException.Conflict("session " + id + " already ended " + row.status());
                    }
                    return SessionStatusView.of(row);
                });
    }

    private Uni<MatrixView> storedMatrix(String key, FundScope scope) {
        return matrices.view(key, scope)
                .onFailure(DomainException.NotFound.class)
                .transform(missing -> unknownMatrix(key))
                .invoke(view -> {
                    if ("failed".equals(view.status())) {
                        throw DomainException.Invalid.of(
                                "matrixKey",
                                "the matrix failed: "
                                        + Optional.ofNullable(view.errorReason())
                                                .orElse("?"));
                    }
                });
    }

    private Uni<Requested> start(
            SessionConfig config,
            Optional<String> name,
            Optional<String> idempotencyKey,
            java.util.function.Function<SqlConnection, Uni<MatrixState>> matrix) {
        JsonObject frozen = json.object(config);
        String hash = idempotencyKey.map(k -> hash(frozen, name)).orElse(null);
        return pool.withTransaction(tx -> matrix.apply(tx).chain(state -> {
                    SessionStatus status =
                            state.complete() ? SessionStatus.OPTIMIZING : SessionStatus.MATRIX_GENERATING;
                    return repository
                            .insert(
                                    tx,
                                    new SessionRepository.NewSession(
                                            config.fundId(),
                                            state.id(),
                                            frozen,
                                            name.orElse(null),
                                            status,
                                            idempotencyKey.orElse(null),
                                            hash))
                            .chain(inserted -> {
                                if (inserted.isEmpty()) {
                                    // roll back whatever this request wrote: the replay answer comes after
                                    return Uni.createFrom().failure(new Replayed());
                                }
                                UUID id = inserted.get();
                                Uni<Boolean> job = status == SessionStatus.OPTIMIZING
                                        ? outbox.enqueue(
                                                tx,
                                                JobType.OPTIMIZATION,
                                                id.toString(),
                                                new JsonObject().put("sessionId", id.toString()),
                                                0)
                                        : Uni.createFrom().item(false);
                                return job.replaceWith(
                                        new Requested(SessionAccepted.of(id, status, config.matrixKey()), true));
                            });
                }))
                .onFailure(Replayed.class)
                .recoverWithUni(() -> replay(config, idempotencyKey.orElseThrow(), hash));
    }

    private Uni<Requested> replay(SessionConfig config, String idempotencyKey, String hash) {
        return repository.findByIdempotencyKey(config.fundId(), idempotencyKey).map(found -> {
            var row = found.orElseThrow(() -> new IllegalStateException("idempotent session vanished"));
            if (!hash.equals(row.getString("request_hash"))) {
                throw new DomainException.Conflict(
                        "Idempotency-Key " + idempotencyKey + " was already used with a different request body");
            }
            return new Requested(
                    SessionAccepted.of(
                            row.getUUID("id"), SessionStatus.valueOf(row.getString("status")), config.matrixKey()),
                    false);
        });
    }

    private static SessionConfig config(
            SessionRequest request,
            String matrixKey,
            dev.vcportfolio.core.optimize.RiskLimits riskLimits,
            dev.vcportfolio.core.optimize.DealRules deals,
            dev.vcportfolio.matrix.GenerationRequest generationRequest) {
        return new SessionConfig(
                request.fundId(),
                request.fundSize(),
                matrixKey,
                generationRequest,
                LimitsRules.normalized(riskLimits, deals),
                SessionRules.validationScenarios(request),
                SessionRules.epsilon(request),
                FundTermsRequest.normalized(request.fundTerms()));
    }

    /**
     * The request's fingerprint for Idempotency-Key replays: the frozen config, with the trimmed name beside it when
     * there is one, so a request without a name hashes as it did before names existed.
     */
    private String hash(JsonObject frozen, Optional<String> name) {
        JsonObject hashed = name.map(n -> frozen.copy().put("name", n)).orElse(frozen);
        String canonical = CanonicalJson.write(json.read(hashed, java.util.Map.class));
        return HexFormat.of().formatHex(MatrixKey.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** The matrix's sectors, once it is complete; unknown while it is being generated. */
    private static Optional<Set<String>> sectorsOf(MatrixView view) {
        if (view.bucketKeys() == null) {
            return Optional.empty();
        }
        return Optional.of(BucketSpec.sectorsOf(view.bucketKeys()));
    }

    /** A session of one of the caller's funds; another fund's is as unknown as an id never issued. */
    private Uni<SessionRow> found(UUID id, FundScope scope) {
        return repository
                .find(id)
                .map(row -> row.filter(r -> scope.sees(r.fundId()))
                        .orElseThrow(() -> new DomainException.NotFound("no optimization session " + id)));
    }

    private static DomainException unknownMatrix(String key) {
        return DomainException.Invalid.of("matrixKey", "no stored matrix with key " + key);
    }

    /** Signals, inside the transaction, that the Idempotency-Key was taken: roll back, then answer with that session. */
    private static final class Replayed extends RuntimeException {
        Replayed() {
            super(null, null, false, false);
        }
    }
}
