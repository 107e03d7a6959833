package dev.vcportfolio.outbox;

import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The probe job's one statement. */
@ApplicationScoped
class ProbeRepository {

    /** Fails on a second effect of the same job (primary key), which is what makes exactly-once countable. */
    JobEffect recordEffect(ClaimedJob job) {
        return JobEffect.statement(
                "INSERT INTO outbox_probe_effects (idempotency_key, attempt) VALUES ($1, $2)",
                Tuple.of(job.idempotencyKey(), job.attempt()));
    }
}
