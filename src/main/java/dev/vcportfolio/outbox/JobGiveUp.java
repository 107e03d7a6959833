package dev.vcportfolio.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fails a job for good and marks its owner failed, in the caller's transaction: the worker does it at a last failed
 * attempt, the reaper at a last lost lease.
 */
@ApplicationScoped
class JobGiveUp {

    private final OutboxRepository repository;
    private final JobHandlers handlers;

    JobGiveUp(OutboxRepository repository, JobHandlers handlers) {
        this.repository = repository;
        this.handlers = handlers;
    }

    /** False when the row no longer carries this attempt (another worker owns it); then nothing else is written. */
    Uni<Boolean> giveUp(SqlConnection transaction, ClaimedJob job, String reason) {
        return repository
                .giveUp(transaction, job, reason)
                .chain(held -> held
                        ? handlers.forColumn(job.jobType())
                                .map(handler -> handler.givenUp(transaction, job, reason))
                                .orElseGet(() -> Uni.createFrom().voidItem())
                                .replaceWith(true)
                        : Uni.createFrom().item(false));
    }
}
