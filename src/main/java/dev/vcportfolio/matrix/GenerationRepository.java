package dev.vcportfolio.matrix;

import dev.vcportfolio.core.key.MatrixKey;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** SQL for generated matrices: the {@code generating} row, its progress, its completion or failure. */
@ApplicationScoped
class GenerationRepository {

    private final Pool pool;
    private final MatrixRepository matrices;

    GenerationRepository(Pool pool, MatrixRepository matrices) {
        this.pool = pool;
        this.matrices = matrices;
    }

    /** True when this call created the row; false when the key already existed (any status). */
    Uni<Boolean> insertGenerating(
            SqlClient transaction, MatrixKey key, UUID fundId, String calibrationVersion, SimModel model) {
        return transaction
                .preparedQuery("""
                        INSERT INTO scenario_matrices (matrix_key, matrix_key_json, fund_id, key_schema_version,
                                                       sim_model_version, calibration_version, status,
                                                       generation_progress)
                        VALUES ($1, $2, $3, $4, $5, $6, 'generating', 0)
                        ON CONFLICT (matrix_key) DO NOTHING""")
                .execute(Tuple.of(
                        key.hex(),
                        new JsonObject(key.canonicalJson()),
                        fundId,
                        MatrixKey.SCHEMA_VERSION,
                        model.name(),
                        calibrationVersion))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Puts a failed matrix back to {@code generating}, clearing every payload column in the same statement; true when it
     * was failed.
     */
    Uni<Boolean> restartFailed(SqlClient transaction, String key) {
        return transaction.preparedQuery("""
                        UPDATE scenario_matrices
                        SET status = 'generating', error_reason = NULL, completed_at = NULL, generation_progress = 0,
                            moic_matrix = NULL, bucket_keys = NULL, scenario_states = NULL, bucket_params = NULL,
                            compression_codec = NULL, matrix_layout = NULL, bucket_count = NULL, s_opt = NULL,
                            raw_bytes = NULL, cashflow_matrix = NULL, cashflow_codec = NULL,
                            cashflow_raw_bytes = NULL, year_count = NULL
                        WHERE matrix_key = $1 AND status = 'failed'""").execute(Tuple.of(key)).map(rows -> rows.rowCount() == 1);
    }

    /** Re-arms the matrix's failed generation job (its idempotency key is taken, so it is reset, not inserted). */
    Uni<Boolean> restartFailedJob(SqlClient transaction, String idempotencyKey) {
        return transaction.preparedQuery("""
                        WITH restarted AS (
                            UPDATE job_outbox
                            SET status = 'pending', attempts = 0, next_run_at = now(), completed_at = NULL,
                                error_reason = NULL, processing_at = NULL
                            WHERE idempotency_key = $1 AND status IN ('failed', 'completed', 'cancelled')
                            RETURNING job_type
                        )
                        SELECT pg_notify('job_outbox', job_type) FROM restarted""").execute(Tuple.of(idempotencyKey)).map(rows -> rows.rowCount() == 1);
    }

    /** The stored plan and status of a matrix; empty when unknown. */
    Uni<Optional<Row>> plan(String key) {
        return pool.preparedQuery("SELECT status, matrix_key_json FROM scenario_matrices WHERE matrix_key = $1")
                .execute(Tuple.of(key))
                .map(GenerationRepository::first);
    }

    Uni<Integer> progress(String key, double fraction) {
        return pool.preparedQuery("""
                        UPDATE scenario_matrices SET generation_progress = $2
                        WHERE matrix_key = $1 AND status = 'generating'""").execute(Tuple.of(key, fraction)).map(RowSet::rowCount);
    }

    Uni<Integer> complete(SqlClient transaction, NewMatrix matrix) {
        Tuple tuple = matrices.addPayload(Tuple.of(matrix.key().hex()), matrix);
        matrix.cashflows()
                .ifPresentOrElse(
                        flows -> tuple.addBuffer(Buffer.buffer(flows.encoded().bytes()))
                                .addString(flows.encoded().codec().id())
                                .addLong(flows.encoded().rawBytes())
                                .addInteger(flows.yearCount()),
                        () -> tuple.addValue(null).addValue(null).addValue(null).addValue(null));
        return transaction.preparedQuery("""
                        UPDATE scenario_matrices
                        SET status = 'complete', moic_matrix = $2, bucket_keys = $3, scenario_states = $4,
                            bucket_params = $5, compression_codec = $6, matrix_layout = $7, bucket_count = $8,
                            s_opt = $9, raw_bytes = $10, cashflow_matrix = $11, cashflow_codec = $12,
                            cashflow_raw_bytes = $13, year_count = $14, generation_progress = 1, completed_at = now()
                        WHERE matrix_key = $1 AND status = 'generating'""").execute(tuple).map(RowSet::rowCount);
    }

    Uni<Integer> fail(SqlClient transaction, String key, String reason) {
        return transaction.preparedQuery("""
                        UPDATE scenario_matrices SET status = 'failed', error_reason = $2, completed_at = now()
                        WHERE matrix_key = $1 AND status = 'generating'""").execute(Tuple.of(key, reason)).map(RowSet::rowCount);
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }
}
