package dev.vcportfolio.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.PreparedQuery;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The outbox's SQL. Statements that belong to a caller's transaction take that transaction's connection. */
@ApplicationScoped
public class OutboxRepository {

    private final Pool pool;

    OutboxRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Enqueues a job in the caller's transaction; true when this call inserted it (false: the key already exists).
     * The NOTIFY is delivered when that transaction commits.
     */
    public Uni<Boolean> enqueue(SqlClient transaction, JobType type, String subject, JsonObject payload, int priority) {
        return transaction
                .preparedQuery(OutboxSql.ENQUEUE)
                .execute(Tuple.of(type.idempotencyKey(subject), type.column(), payload, priority, 3))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Cancels the named jobs that have not started, in the caller's transaction; returns how many. */
    public Uni<Integer> cancelPending(SqlClient transaction, List<String> idempotencyKeys) {
        return transaction
                .preparedQuery("""
                        UPDATE job_outbox SET status = 'cancelled', completed_at = now()
                        WHERE idempotency_key = ANY($1) AND status = 'pending'""")
                .execute(Tuple.of(idempotencyKeys.toArray(String[]::new)))
                .map(rows -> rows.rowCount());
    }

    Uni<List<ClaimedJob>> claim(int limit) {
        return pool.preparedQuery(OutboxSql.CLAIM).execute(Tuple.of(limit)).map(OutboxRepository::jobs);
    }

    Uni<Boolean> complete(SqlConnection transaction, ClaimedJob job) {
        return updated(transaction.preparedQuery(OutboxSql.COMPLETE), Tuple.of(job.id(), job.attempt()));
    }

    Uni<Boolean> retry(SqlConnection transaction, ClaimedJob job, double delaySeconds, String reason) {
        return updated(
                transaction.preparedQuery(OutboxSql.RETRY), Tuple.of(job.id(), job.attempt(), delaySeconds, reason));
    }

    Uni<Boolean> giveUp(SqlConnection transaction, ClaimedJob job, String reason) {
        return updated(transaction.preparedQuery(OutboxSql.GIVE_UP), Tuple.of(job.id(), job.attempt(), reason));
    }

    Uni<Integer> heartbeat(Collection<UUID> ids) {
        return pool.preparedQuery(OutboxSql.HEARTBEAT)
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(RowSet::rowCount);
    }

    Uni<Integer> release(Collection<ClaimedJob> jobs) {
        UUID[] ids = jobs.stream().map(ClaimedJob::id).toArray(UUID[]::new);
        Integer[] attempts = jobs.stream().map(ClaimedJob::attempt).toArray(Integer[]::new);
        return pool.preparedQuery(OutboxSql.RELEASE)
                .execute(Tuple.of(ids, attempts))
                .map(RowSet::rowCount);
    }

    Uni<List<ClaimedJob>> stale(SqlConnection transaction, double staleSeconds) {
        return transaction
                .preparedQuery(OutboxSql.STALE)
                .execute(Tuple.of(staleSeconds))
                .map(OutboxRepository::jobs);
    }

    Uni<Boolean> reap(SqlConnection transaction, ClaimedJob job, String reason) {
        return updated(transaction.preparedQuery(OutboxSql.REAP), Tuple.of(job.id(), reason));
    }

    Uni<Map<String, Long>> queueDepth() {
        return pool.query(OutboxSql.QUEUE_DEPTH).execute().map(rows -> {
            Map<String, Long> depth = new HashMap<>();
            rows.forEach(row -> depth.put(row.getString("job_type"), row.getLong("depth")));
            return depth;
        });
    }

    /** The statement is prepared by the caller from a constant, so SqlSafetyTest sees every statement's text. */
    private static Uni<Boolean> updated(PreparedQuery<RowSet<Row>> statement, Tuple parameters) {
        return statement.execute(parameters).map(rows -> rows.rowCount() == 1);
    }

    /** The schema allows only objects; should anything else appear, the handler sees it wrapped, not a crash. */
    private static JsonObject payload(Row row) {
        Object json = row.getJson("payload");
        return json instanceof JsonObject object ? object : new JsonObject().put("value", json);
    }

    private static List<ClaimedJob> jobs(RowSet<Row> rows) {
        List<ClaimedJob> jobs = new ArrayList<>(rows.size());
        for (Row row : rows) {
            jobs.add(new ClaimedJob(
                    row.getUUID("id"),
                    row.getString("idempotency_key"),
                    row.getString("job_type"),
                    payload(row),
                    row.getInteger("attempts"),
                    row.getInteger("max_attempts"),
                    row.getOffsetDateTime("created_at"),
                    row.getOffsetDateTime("next_run_at"),
                    row.getOffsetDateTime("processing_at")));
        }
        return jobs;
    }
}
