package dev.vcportfolio.matrix;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vcportfolio.core.key.MatrixKey;
import dev.vcportfolio.platform.json.JsonColumns;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code scenario_matrices}. */
@ApplicationScoped
public class MatrixRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<BucketParams>> PARAMS = new TypeReference<>() {};
    // rows built in SQL with float8 values: the stored jsonb keeps a client's numbers exactly, which may be too long to
    // parse
    private static final TypeReference<List<MatrixView.RowView>> ROW_VIEWS = new TypeReference<>() {};

    private final Pool pool;
    private final JsonColumns json;

    MatrixRepository(Pool pool, JsonColumns json) {
        this.pool = pool;
        this.json = json;
    }

    /** Inserts a complete matrix; empty when a matrix with that key already exists (its content is the same). */
    Uni<Optional<MatrixView>> insertComplete(SqlClient client, NewMatrix matrix) {
        Tuple tuple = Tuple.tuple()
                .addString(matrix.key().hex())
                .addJsonObject(new JsonObject(matrix.key().canonicalJson()))
                .addUUID(matrix.fundId().orElse(null))
                .addString(matrix.matrixType())
                .addString(MatrixKey.SCHEMA_VERSION)
                .addString(matrix.simModelVersion())
                .addString(matrix.calibrationVersion().orElse(null));
        addPayload(tuple, matrix);
        return client.preparedQuery("""
                        INSERT INTO scenario_matrices (matrix_key, matrix_key_json, fund_id, matrix_type,
                                                       key_schema_version, sim_model_version, calibration_version,
                                                       status, moic_matrix, bucket_keys, scenario_states,
                                                       bucket_params, compression_codec, matrix_layout, bucket_count,
                                                       s_opt, raw_bytes, completed_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, 'complete', $8, $9, $10, $11, $12, $13, $14, $15, $16,
                                now())
                        ON CONFLICT (matrix_key) DO NOTHING
                        RETURNING matrix_key, status, matrix_type, fund_id, sim_model_version, calibration_version,
                                  bucket_keys, bucket_count, s_opt, compression_codec, matrix_layout, raw_bytes,
                                  octet_length(moic_matrix) AS compressed_bytes, generation_progress AS progress,
                                  created_at, completed_at, error_reason,
                                  -- an upload has no cash flows and no round-by-round rows
                                  NULL::int AS year_count, NULL::json AS row_views""").execute(tuple).map(this::firstView);
    }

    /**
     * Appends the payload columns in the order both the INSERT here and the generator's completing UPDATE use: bytes,
     * bucket keys, scenario states, bucket params, codec, layout, bucket count, scenario count, raw bytes.
     */
    Tuple addPayload(Tuple tuple, NewMatrix matrix) {
        return tuple.addBuffer(Buffer.buffer(matrix.encoded().bytes()))
                .addJsonArray(json.array(matrix.bucketKeys()))
                .addJsonArray(json.array(matrix.scenarioStates()))
                .addJsonArray(json.array(matrix.bucketParams()))
                .addString(matrix.encoded().codec().id())
                .addString(matrix.encoded().layout())
                .addInteger(matrix.bucketKeys().size())
                .addInteger(matrix.scenarioCount())
                .addLong(matrix.encoded().rawBytes());
    }

    Uni<Optional<MatrixView>> findView(String key) {
        return pool.preparedQuery("""
                        SELECT matrix_key, status, matrix_type, fund_id, sim_model_version, calibration_version,
                               bucket_keys, bucket_count, s_opt, compression_codec, matrix_layout, raw_bytes,
                               octet_length(moic_matrix) AS compressed_bytes, generation_progress AS progress,
                               created_at, completed_at, error_reason, year_count,
                               CASE WHEN year_count IS NOT NULL THEN (
                                   SELECT json_agg(json_build_object(
                                       'key', p ->> 'key',
                                       'reservePolicy', p -> 'rounds' ->> 'reservePolicy',
                                       'reserveDeployment', (p -> 'rounds' ->> 'reserveDeployment')::float8,
                                       'pWin', (p ->> 'pWin')::float8,
                                       'meanYearsToExit', (p -> 'rounds' ->> 'meanYearsToExit')::float8,
                                       'meanOwnershipAtExit', (p -> 'rounds' ->> 'meanOwnershipAtExit')::float8)
                                       ORDER BY n)
                                   FROM jsonb_array_elements(bucket_params) WITH ORDINALITY AS e(p, n)) END AS row_views
                        FROM scenario_matrices
                        WHERE matrix_key = $1""").execute(Tuple.of(key)).map(this::firstView);
    }

    /** A matrix's cash-flow payload (absent for one-period and uploaded matrices); empty when the key is unknown. */
    Uni<Optional<StoredCashflows>> findCashflows(String key) {
        return pool.preparedQuery("""
                        SELECT status, fund_id, cashflow_codec, bucket_keys, s_opt, year_count, cashflow_matrix
                        FROM scenario_matrices
                        WHERE matrix_key = $1""").execute(Tuple.of(key)).map(rows -> {
            var iterator = rows.iterator();
            if (!iterator.hasNext()) {
                return Optional.empty();
            }
            Row row = iterator.next();
            Buffer bytes = row.getBuffer("cashflow_matrix");
            return Optional.of(new StoredCashflows(
                    row.getString("status"),
                    row.getUUID("fund_id"),
                    Optional.ofNullable(row.getString("cashflow_codec")),
                    row.getValue("bucket_keys") == null ? List.of() : json.read(row.getValue("bucket_keys"), STRINGS),
                    row.getInteger("s_opt") == null ? 0 : row.getInteger("s_opt"),
                    row.getInteger("year_count") == null ? 0 : row.getInteger("year_count"),
                    bytes == null ? new byte[0] : bytes.getBytes()));
        });
    }

    /** A stored cash-flow matrix: compressed {@code [row][scenario][year]} float32 and how to decode it. */
    record StoredCashflows(
            String status,
            UUID fundId,
            Optional<String> codec,
            List<String> rowKeys,
            int scenarioCount,
            int yearCount,
            byte[] compressed) {}

    Uni<Optional<StoredMatrix>> findPayload(String key) {
        return pool.preparedQuery("""
                        SELECT status, fund_id, compression_codec, bucket_keys, bucket_count, s_opt, moic_matrix
                        FROM scenario_matrices
                        WHERE matrix_key = $1""").execute(Tuple.of(key)).map(rows -> {
            var iterator = rows.iterator();
            if (!iterator.hasNext()) {
                return Optional.empty();
            }
            return Optional.of(payload(iterator.next()));
        });
    }

    /**
     * Records a read in {@code last_accessed_at}, at most once per {@code throttle}, and never waits for a row lock
     * (SKIP LOCKED): a concurrent touch or a generation holding the row simply wins.
     */
    Uni<Integer> touch(String key, Duration throttle) {
        return pool.preparedQuery("""
                        UPDATE scenario_matrices
                        SET last_accessed_at = now()
                        WHERE id IN (SELECT id
                                     FROM scenario_matrices
                                     WHERE matrix_key = $1
                                       AND (last_accessed_at IS NULL
                                            OR last_accessed_at < now() - make_interval(secs => $2))
                                     FOR UPDATE SKIP LOCKED)""")
                .execute(Tuple.of(key, (double) throttle.toSeconds()))
                .map(RowSet::rowCount);
    }

    /**
     * The matrix's id and status, with its row locked FOR SHARE until the transaction ends: a generation completing
     * meanwhile waits, so a session inserted here is either seen by the completion or sees the matrix complete.
     */
    Uni<Optional<MatrixState>> lockState(SqlClient transaction, String key) {
        return transaction.preparedQuery("""
                        SELECT id, matrix_key, status, error_reason FROM scenario_matrices
                        WHERE matrix_key = $1
                        FOR SHARE""").execute(Tuple.of(key)).map(rows -> {
            var iterator = rows.iterator();
            if (!iterator.hasNext()) {
                return Optional.empty();
            }
            Row row = iterator.next();
            return Optional.of(new MatrixState(
                    row.getUUID("id"),
                    row.getString("matrix_key"),
                    row.getString("status"),
                    Optional.ofNullable(row.getString("error_reason"))));
        });
    }

    /** A matrix's payload and bucket parameters, for the optimizer; empty when unknown. */
    Uni<Optional<StoredInput>> findInput(String key) {
        return pool.preparedQuery("""
                        SELECT id, status, fund_id, compression_codec, bucket_keys, bucket_count, s_opt, moic_matrix,
                               bucket_params, sim_model_version
                        FROM scenario_matrices
                        WHERE matrix_key = $1""").execute(Tuple.of(key)).map(rows -> {
            var iterator = rows.iterator();
            if (!iterator.hasNext()) {
                return Optional.empty();
            }
            Row row = iterator.next();
            return Optional.of(new StoredInput(
                    row.getUUID("id"),
                    payload(row),
                    row.getValue("bucket_params") == null
                            ? List.of()
                            : json.read(row.getValue("bucket_params"), PARAMS),
                    !ClientMatrixPreparation.SOURCE.equals(row.getString("sim_model_version"))));
        });
    }

    record StoredInput(UUID id, StoredMatrix matrix, List<BucketParams> params, boolean generated) {}

    /** The payload columns both {@link #findPayload} and {@link #findInput} select. */
    private StoredMatrix payload(Row row) {
        Buffer bytes = row.getBuffer("moic_matrix");
        return new StoredMatrix(
                row.getString("status"),
                row.getUUID("fund_id"),
                row.getString("compression_codec"),
                row.getValue("bucket_keys") == null ? List.of() : json.read(row.getValue("bucket_keys"), STRINGS),
                row.getInteger("bucket_count"),
                row.getInteger("s_opt"),
                bytes == null ? new byte[0] : bytes.getBytes());
    }

    private Optional<MatrixView> firstView(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(view(iterator.next())) : Optional.empty();
    }

    private MatrixView view(Row row) {
        String model = row.getString("sim_model_version");
        return new MatrixView(
                row.getString("matrix_key"),
                row.getString("status"),
                row.getString("matrix_type"),
                row.getUUID("fund_id"),
                model,
                row.getString("calibration_version"),
                row.getValue("bucket_keys") == null ? null : json.read(row.getValue("bucket_keys"), STRINGS),
                row.getInteger("bucket_count"),
                row.getInteger("s_opt"),
                row.getString("compression_codec"),
                row.getString("matrix_layout"),
                row.getLong("raw_bytes"),
                row.getValue("compressed_bytes") == null ? null : row.getLong("compressed_bytes"),
                row.getDouble("progress"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("completed_at"),
                row.getString("error_reason"),
                row.getInteger("year_count"),
                row.getValue("row_views") == null ? null : json.read(row.getValue("row_views"), ROW_VIEWS));
    }
}
