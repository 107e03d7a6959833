package dev.vcportfolio.matrix;

import dev.vcportfolio.core.codec.MatrixCodec;
import dev.vcportfolio.core.codec.MatrixDecoder;
import dev.vcportfolio.core.error.DomainException;
import dev.vcportfolio.core.key.MatrixKey;
import dev.vcportfolio.core.model.CashflowMatrix;
import dev.vcportfolio.core.model.MoicMatrix;
import dev.vcportfolio.platform.executor.ComputePool;
import dev.vcportfolio.platform.security.FundScope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Stores matrices clients bring (deduplicated by key) and serves them back bit for bit. Validation, hashing, encoding
 * and decoding run on the compute pool, never on the event loop.
 */
@ApplicationScoped
public class MatrixService {

    private static final Logger LOG = Logger.getLogger(MatrixService.class);
    private static final Duration TOUCH_THROTTLE = Duration.ofSeconds(60);

    /** Whether the store created the matrix or found the same content already there. */
    public record Stored(MatrixView view, boolean created) {}

    /** Decoded values of a complete matrix. */
    public record Values(java.util.List<String> bucketKeys, int scenarioCount, byte[] littleEndian) {}

    /** A complete round-by-round matrix's cash flows, float32 little-endian {@code [row][scenario][year]}. */
    public record Cashflows(java.util.List<String> rowKeys, int scenarioCount, int yearCount, byte[] littleEndian) {}

    private final Pool pool;
    private final MatrixRepository repository;
    private final ComputePool compute;
    private final MatrixLimits limits;

    MatrixService(Pool pool, MatrixRepository repository, ComputePool compute, MatrixLimits limits) {
        this.pool = pool;
        this.repository = repository;
        this.compute = compute;
        this.limits = limits;
    }

    /**
     * Stores a JSON upload for the fund it names, or the token's first fund when it names none (the fund is part of the
     * key, so the same values of two funds are two matrices). A fund the token does not hold is a 404.
     */
    public Uni<Stored> store(MatrixUploadRequest upload, FundScope scope) {
        MatrixUploadRequest request = upload.withFundId(scope.owner(upload.fundId()));
        return onCompute(() -> ClientMatrixPreparation.prepare(MatrixUploadRules.fromJson(request, limits.maxCells())))
                .chain(this::insert);
    }

    /** Stores a multipart upload whose values are in a file of float32 little-endian bytes; owner as above. */
    public Uni<Stored> store(MatrixSpecRequest upload, Path values, long size, FundScope scope) {
        MatrixSpecRequest spec = upload.withFundId(scope.owner(upload.fundId()));
        int scenarios = MatrixUploadRules.scenariosOf(spec, size, limits.maxCells());
        return onCompute(() -> ClientMatrixPreparation.prepare(
                        MatrixUploadRules.fromBinary(spec, scenarios, MatrixFiles.readFloats(values))))
                .chain(this::insert);
    }

    /** A matrix of one of the caller's funds; another fund's is as unknown as a key never stored (404). */
    public Uni<MatrixView> view(String key, FundScope scope) {
        return found(key, repository.findView(key).map(view -> view.filter(v -> scope.sees(v.fundId()))));
    }

    /** Any matrix, for the service's own work (the job handlers, a request's own new matrix). */
    public Uni<MatrixView> view(String key) {
        return found(key, repository.findView(key));
    }

    /**
     * The values of a complete matrix; 409 while it is not complete. The access is recorded alongside the read, on
     * another connection, and never waits for a lock.
     */
    public Uni<Values> values(String key, FundScope scope) {
        return Uni.combine()
                .all()
                .unis(
                        found(key, repository.findPayload(key).map(found -> found.filter(m -> scope.sees(m.fundId())))),
                        touch(key))
                .with((stored, touched) -> stored)
                .chain(stored -> {
                    if (!"complete".equals(stored.status())) {
                        return Uni.createFrom()
                                .failure(new DomainException.Conflict(
                                        "matrix " + key + " is " + stored.status() + "; values exist once complete"));
                    }
                    MatrixCodec codec = MatrixCodec.fromId(stored.codec())
                            .orElseThrow(() -> new IllegalStateException("unknown codec " + stored.codec()));
                    int cells = Math.multiplyExact(stored.bucketCount(), stored.scenarioCount());
                    return onCompute(() -> new Values(
                            stored.bucketKeys(),
                            stored.scenarioCount(),
                            MatrixDecoder.decodeBytes(stored.compressed(), codec, cells)));
                });
    }

    /**
     * The cash flows of a complete round-by-round matrix of one of the caller's funds; 409 while it is not complete, 404
     * for a matrix that has none (one-period or uploaded) as for an unknown key.
     */
    public Uni<Cashflows> cashflows(String key, FundScope scope) {
        return found(key, repository.findCashflows(key).map(found -> found.filter(m -> scope.sees(m.fundId()))))
                .chain(stored -> {
                    if (!"complete".equals(stored.status())) {
                        return Uni.createFrom()
                                .failure(new DomainException.Conflict("matrix " + key + " is " + stored.status()
                                        + "; its cash flows exist once complete"));
                    }
                    if (stored.codec().isEmpty()) {
                        return Uni.createFrom()
                                .failure(new DomainException.NotFound("matrix " + key
                                        + " has no cash flows: only round_by_round_v1 generations have them"));
                    }
                    MatrixCodec codec = MatrixCodec.fromId(stored.codec().get())
                            .orElseThrow(() -> new IllegalStateException("unknown codec " + stored.codec()));
                    int cells = Math.multiplyExact(
                            Math.multiplyExact(stored.rowKeys().size(), stored.scenarioCount()), stored.yearCount());
                    return onCompute(() -> new Cashflows(
                            stored.rowKeys(),
                            stored.scenarioCount(),
                            stored.yearCount(),
                            MatrixDecoder.decodeBytes(stored.compressed(), codec, cells)));
                });
    }

    /**
     * A complete matrix's cash flows decoded for the fund economics, for the service's own jobs; empty for a matrix
     * without them (one-period or uploaded).
     */
    public Uni<java.util.Optional<CashflowMatrix>> cashflowMatrix(String key) {
        return repository.findCashflows(key).chain(found -> {
            if (found.isEmpty() || found.get().codec().isEmpty()) {
                return Uni.createFrom().item(java.util.Optional.<CashflowMatrix>empty());
            }
            MatrixRepository.StoredCashflows stored = found.get();
            MatrixCodec codec = MatrixCodec.fromId(stored.codec().get())
                    .orElseThrow(() -> new IllegalStateException("unknown codec " + stored.codec()));
            int cells = Math.multiplyExact(
                    Math.multiplyExact(stored.rowKeys().size(), stored.scenarioCount()), stored.yearCount());
            return onCompute(() -> java.util.Optional.of(new CashflowMatrix(
                    stored.rowKeys(),
                    stored.scenarioCount(),
                    stored.yearCount(),
                    MatrixDecoder.decode(stored.compressed(), codec, cells))));
        });
    }

    /** In the caller's transaction: the matrix's state with its row locked FOR SHARE; empty when unknown. */
    public Uni<java.util.Optional<MatrixState>> lockState(SqlConnection transaction, String key) {
        return MatrixKey.isWellFormed(key)
                ? repository.lockState(transaction, key)
                : Uni.createFrom().item(java.util.Optional.empty());
    }

    /** One of the caller's funds' complete matrices decoded for the optimizer; another fund's is a 404. */
    public Uni<OptimizationInput> optimizationInput(String key, FundScope scope) {
        return input(
                key,
                repository
                        .findInput(key)
                        .map(found -> found.filter(s -> scope.sees(s.matrix().fundId()))));
    }

    /** A complete matrix decoded for the optimizer, for the service's own jobs; 409 while it is not complete. */
    public Uni<OptimizationInput> optimizationInput(String key) {
        return input(key, repository.findInput(key));
    }

    private Uni<OptimizationInput> input(String key, Uni<java.util.Optional<MatrixRepository.StoredInput>> lookup) {
        return found(key, lookup).chain(stored -> {
            if (!"complete".equals(stored.matrix().status())) {
                return Uni.createFrom()
                        .failure(new DomainException.Conflict("matrix " + key + " is "
                                + stored.matrix().status() + "; it can be used once complete"));
            }
            return onCompute(() -> decoded(key, stored));
        });
    }

    private static OptimizationInput decoded(String key, MatrixRepository.StoredInput stored) {
        StoredMatrix matrix = stored.matrix();
        MatrixCodec codec = MatrixCodec.fromId(matrix.codec())
                .orElseThrow(() -> new IllegalStateException("unknown codec " + matrix.codec()));
        int cells = Math.multiplyExact(matrix.bucketCount(), matrix.scenarioCount());
        float[] values = MatrixDecoder.decode(matrix.compressed(), codec, cells);
        return new OptimizationInput(
                stored.id(),
                key,
                new MoicMatrix(matrix.bucketKeys(), matrix.scenarioCount(), values),
                stored.params(),
                stored.generated());
    }

    private Uni<Stored> insert(NewMatrix matrix) {
        return repository
                .insertComplete(pool, matrix)
                .chain(inserted -> inserted.isPresent()
                        ? Uni.createFrom().item(new Stored(inserted.get(), true))
                        : view(matrix.key().hex()).map(existing -> new Stored(existing, false)));
    }

    /** A failed touch must not fail the read it accompanies. */
    private Uni<Integer> touch(String key) {
        return repository.touch(key, TOUCH_THROTTLE).onFailure().recoverWithItem(failure -> {
            LOG.debugf("could not record access to matrix %s: %s", key, failure.getMessage());
            return 0;
        });
    }

    private <T> Uni<T> onCompute(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(compute.executor());
    }

    private static <T> Uni<T> found(String key, Uni<java.util.Optional<T>> lookup) {
        if (!MatrixKey.isWellFormed(key)) {
            return Uni.createFrom().failure(notFound(key));
        }
        return lookup.map(found -> found.orElseThrow(() -> notFound(key)));
    }

    private static DomainException.NotFound notFound(String key) {
        return new DomainException.NotFound("no matrix with key " + key);
    }
}
