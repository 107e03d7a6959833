package dev.vcportfolio.session;

import dev.vcportfolio.matrix.MatrixLifecycle;
import dev.vcportfolio.outbox.JobType;
import dev.vcportfolio.outbox.OutboxRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/** Sessions waiting on a matrix advance (with their optimization job) or fail in the transaction that settles it. */
@ApplicationScoped
class SessionMatrixLifecycle implements MatrixLifecycle {

    private final SessionRepository repository;
    private final OutboxRepository outbox;

    SessionMatrixLifecycle(SessionRepository repository, OutboxRepository outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    @Override
    public Uni<Void> completed(SqlConnection transaction, String matrixKey) {
        return repository
                .advanceWaiting(transaction, matrixKey)
                .chain(ids -> Multi.createFrom()
                        .iterable(ids)
                        // one statement at a time: a connection runs its statements in order anyway
                        .onItem()
                        .transformToUniAndConcatenate(id -> outbox.enqueue(
                                transaction,
                                JobType.OPTIMIZATION,
                                id.toString(),
                                new JsonObject().put("sessionId", id.toString()),
                                0))
                        .collect()
                        .asList()
                        .replaceWithVoid());
    }

    @Override
    public Uni<Void> failed(SqlConnection transaction, String matrixKey, String reason) {
        return repository.failWaiting(transaction, matrixKey, reason).replaceWithVoid();
    }
}
