package dev.vcportfolio.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The probe job's one statement. */
@ApplicationScoped
class ProbeRepository {

    /** Fails on a second effect of the same job (primary key), which is what makes exactly-once countable. */
    Uni<Void> recordEffect(SqlConnection transaction, ClaimedJob job) {
        return transaction
                .preparedQuery("INSERT INTO outbox_probe_effects (idempotency_key, attempt) VALUES ($1, $2)")
                .execute(Tuple.of(job.idempotencyKey(), job.attempt()))
                .replaceWithVoid();
    }
}
