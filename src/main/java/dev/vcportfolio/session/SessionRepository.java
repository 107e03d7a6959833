package dev.vcportfolio.session;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code optimization_sessions}. Every transition names the state it leaves, so a stale one changes nothing. */
@ApplicationScoped
class SessionRepository {

    private static final String SELECT = """
            SELECT s.id, s.fund_id, s.name, s.status, m.matrix_key, m.generation_progress, s.optimization_config,
                   s.error_reason, s.allocation, s.solver_metadata, s.constraint_report, s.relaxation_log,
                   s.validation_metrics, s.fund_metrics, s.sensitivity, s.pass1_e_star, s.primary_lock_epsilon, s.created_at, s.matrix_started_at,
                   s.optimization_started_at, s.validation_started_at, s.completed_at, s.updated_at
            FROM optimization_sessions s
            LEFT JOIN scenario_matrices m ON m.id = s.matrix_id
            """;

    /**
     * A fund's sessions for the list, headline figures read out of the jsonb columns here so a page never carries an
     * allocation or a report. {@code lossProbability} and {@code cvar} are the first fund-wide rows of the constraint
     * report, as in the result view.
     */
    private static final String SUMMARY = """
            SELECT s.id, s.name, s.status, s.created_at, s.completed_at, m.matrix_key,
                   (s.optimization_config ->> 'fundSize')::float8 AS fund_size,
                   (s.optimization_config -> 'constraints' ->> 'maxLossProbability')::float8 AS max_loss_probability,
                   (s.solver_metadata ->> 'expectedMoic')::float8 AS expected_moic,
                   (SELECT (r.value ->> 'achieved')::float8
                    FROM jsonb_array_elements(s.constraint_report) WITH ORDINALITY AS r (value, n)
                    WHERE r.value ->> 'constraint' = 'lossProbability'
                    ORDER BY r.n LIMIT 1) AS loss_probability,
                   (SELECT (r.value ->> 'achieved')::float8
                    FROM jsonb_array_elements(s.constraint_report) WITH ORDINALITY AS r (value, n)
                    WHERE r.value ->> 'constraint' = 'cvar'
                    ORDER BY r.n LIMIT 1) AS cvar,
                   (s.fund_metrics -> 'netTvpi' ->> 'mean')::float8 AS net_tvpi,
                   (s.validation_metrics ->> 'expectedMoic')::float8 AS validated_expected_moic
            FROM optimization_sessions s
            LEFT JOIN scenario_matrices m ON m.id = s.matrix_id
            """;

    /** Newest first; the keyset index (fund_id, created_at, id) read backwards, stopping at LIMIT. */
    private static final String NEWEST_FIRST = """
            ORDER BY s.created_at DESC, s.id DESC
            """;

    private final Pool pool;

    SessionRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts a session; empty when the fund already used this idempotency key. */
    Uni<Optional<UUID>> insert(SqlClient transaction, NewSession session) {
        return transaction
                .preparedQuery("""
                        INSERT INTO optimization_sessions (fund_id, matrix_id, optimization_config, name, status,
                                                           idempotency_key, request_hash, matrix_started_at,
                                                           optimization_started_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7,
                                CASE WHEN $5 = 'MATRIX_GENERATING' THEN now() END,
                                CASE WHEN $5 = 'OPTIMIZING' THEN now() END)
                        ON CONFLICT (fund_id, idempotency_key) DO NOTHING
                        RETURNING id""")
                .execute(Tuple.from(Arrays.asList(
                        session.fundId(),
                        session.matrixId(),
                        session.config(),
                        session.name(),
                        session.status().name(),
                        session.idempotencyKey(),
                        session.requestHash())))
                .map(rows -> first(rows).map(row -> row.getUUID("id")));
    }

    /** The session a fund created with an idempotency key, and the hash of the request that created it. */
    Uni<Optional<Row>> findByIdempotencyKey(UUID fundId, String idempotencyKey) {
        return pool.preparedQuery("""
                        SELECT id, request_hash, status FROM optimization_sessions
                        WHERE fund_id = $1 AND idempotency_key = $2""").execute(Tuple.of(fundId, idempotencyKey)).map(SessionRepository::first);
    }

    Uni<Optional<SessionRow>> find(UUID id) {
        return pool.preparedQuery(SELECT + "WHERE s.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> first(rows).map(SessionRepository::from));
    }

    /** Up to {@code rows} of the fund's sessions, newest first, from the start or from after a cursor. */
    Uni<List<SessionSummary>> page(UUID fundId, Optional<SessionCursor> after, int rows) {
        Uni<RowSet<Row>> page = after.map(cursor -> pool.preparedQuery(
                                SUMMARY + "WHERE s.fund_id = $1 AND (s.created_at, s.id) < ($2, $3)\n" + NEWEST_FIRST
                                        + "LIMIT $4")
                        .execute(Tuple.of(fundId, cursor.createdAt(), cursor.id(), rows)))
                .orElseGet(() -> pool.preparedQuery(SUMMARY + "WHERE s.fund_id = $1\n" + NEWEST_FIRST + "LIMIT $2")
                        .execute(Tuple.of(fundId, rows)));
        return page.map(found -> {
            List<SessionSummary> summaries = new ArrayList<>();
            found.forEach(row -> summaries.add(summary(row)));
            return summaries;
        });
    }

    /** Moves every session waiting on the matrix to OPTIMIZING; returns their ids. */
    Uni<List<UUID>> advanceWaiting(SqlClient transaction, String matrixKey) {
        return transaction.preparedQuery("""
                        UPDATE optimization_sessions s
                        SET status = 'OPTIMIZING', optimization_started_at = now()
                        FROM scenario_matrices m
                        WHERE m.matrix_key = $1 AND s.matrix_id = m.id AND s.status = 'MATRIX_GENERATING'
                        RETURNING s.id""").execute(Tuple.of(matrixKey)).map(SessionRepository::ids);
    }

    Uni<Integer> failWaiting(SqlClient transaction, String matrixKey, String reason) {
        return transaction
                .preparedQuery("""
                        UPDATE optimization_sessions s
                        SET status = 'FAILED', error_reason = $2, completed_at = now()
                        FROM scenario_matrices m
                        WHERE m.matrix_key = $1 AND s.matrix_id = m.id AND s.status = 'MATRIX_GENERATING'""")
                .execute(Tuple.of(matrixKey, reason))
                .map(RowSet::rowCount);
    }

    /** OPTIMIZING → VALIDATING with the allocation and what the solver said; false when the session had moved on. */
    Uni<Boolean> storeOptimization(SqlClient transaction, UUID id, StoredOptimization stored) {
        return transaction
                .preparedQuery("""
                        UPDATE optimization_sessions
                        SET status = 'VALIDATING', validation_started_at = now(), allocation = $2,
                            solver_metadata = $3, constraint_report = $4, relaxation_log = $5, pass1_e_star = $6,
                            primary_lock_epsilon = $7, sensitivity = $8
                        WHERE id = $1 AND status = 'OPTIMIZING'""")
                .execute(Tuple.from(List.of(
                        id,
                        stored.allocation(),
                        stored.solverMetadata(),
                        stored.constraintReport(),
                        stored.relaxationLog(),
                        stored.pass1EStar(),
                        stored.primaryLockEpsilon(),
                        stored.sensitivity())))
                .map(rows -> rows.rowCount() == 1);
    }

    /** VALIDATING → COMPLETED with the validation metrics. */
    Uni<Boolean> complete(SqlClient transaction, UUID id, JsonObject validation, JsonObject fundMetrics) {
        return transaction
                .preparedQuery("""
                        UPDATE optimization_sessions
                        SET status = 'COMPLETED', validation_metrics = $2, fund_metrics = $3, completed_at = now()
                        WHERE id = $1 AND status = 'VALIDATING'""")
                .execute(Tuple.of(id, validation, fundMetrics))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Fails the session if it is still in {@code from}. */
    Uni<Boolean> fail(SqlClient transaction, UUID id, SessionStatus from, String reason) {
        return transaction
                .preparedQuery("""
                        UPDATE optimization_sessions
                        SET status = 'FAILED', error_reason = $3, completed_at = now()
                        WHERE id = $1 AND status = $2""")
                .execute(Tuple.of(id, from.name(), reason))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Cancels a non-terminal session; the status it had, empty when it was already terminal or unknown. */
    Uni<Optional<SessionStatus>> cancel(SqlClient transaction, UUID id) {
        return transaction
                .preparedQuery("""
                        UPDATE optimization_sessions s
                        SET status = 'CANCELLED', completed_at = now()
                        FROM (SELECT id, status FROM optimization_sessions WHERE id = $1 FOR UPDATE) before
                        WHERE s.id = before.id
                          AND before.status IN ('REQUESTED', 'MATRIX_GENERATING', 'OPTIMIZING', 'VALIDATING')
                        RETURNING before.status""")
                .execute(Tuple.of(id))
                .map(rows -> first(rows).map(row -> SessionStatus.valueOf(row.getString("status"))));
    }

    private static SessionRow from(Row row) {
        Double progress = row.getDouble("generation_progress");
        return new SessionRow(
                row.getUUID("id"),
                row.getUUID("fund_id"),
                Optional.ofNullable(row.getString("name")),
                SessionStatus.valueOf(row.getString("status")),
                row.getString("matrix_key"),
                progress == null ? 0 : progress,
                (JsonObject) row.getJson("optimization_config"),
                Optional.ofNullable(row.getString("error_reason")),
                row.getJson("allocation"),
                row.getJson("solver_metadata"),
                row.getJson("constraint_report"),
                row.getJson("relaxation_log"),
                row.getJson("validation_metrics"),
                row.getJson("fund_metrics"),
                row.getJson("sensitivity"),
                row.getDouble("pass1_e_star"),
                row.getDouble("primary_lock_epsilon"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("matrix_started_at"),
                row.getOffsetDateTime("optimization_started_at"),
                row.getOffsetDateTime("validation_started_at"),
                row.getOffsetDateTime("completed_at"),
                row.getOffsetDateTime("updated_at"));
    }

    private static SessionSummary summary(Row row) {
        return new SessionSummary(
                row.getUUID("id"),
                row.getString("name"),
                row.getString("status"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("completed_at"),
                row.getString("matrix_key"),
                row.getDouble("fund_size"),
                row.getDouble("max_loss_probability"),
                row.getDouble("expected_moic"),
                row.getDouble("loss_probability"),
                row.getDouble("cvar"),
                row.getDouble("net_tvpi"),
                row.getDouble("validated_expected_moic"));
    }

    private static List<UUID> ids(RowSet<Row> rows) {
        List<UUID> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.getUUID("id")));
        return ids;
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }

    /**
     * A session to insert in {@code status}.
     *
     * @param name trimmed; null when the request had none
     * @param idempotencyKey null without the header, and then {@code requestHash} too
     */
    record NewSession(
            UUID fundId,
            UUID matrixId,
            JsonObject config,
            String name,
            SessionStatus status,
            String idempotencyKey,
            String requestHash) {}

    /** The jsonb values of a finished optimization, ready to bind. */
    record StoredOptimization(
            JsonArray allocation,
            JsonObject solverMetadata,
            JsonArray constraintReport,
            JsonArray relaxationLog,
            double pass1EStar,
            double primaryLockEpsilon,
            JsonArray sensitivity) {}
}
