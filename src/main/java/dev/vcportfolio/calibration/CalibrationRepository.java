package dev.vcportfolio.calibration;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vcportfolio.core.model.Stage;
import dev.vcportfolio.platform.json.JsonColumns;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code calibration_snapshots}. */
@ApplicationScoped
public class CalibrationRepository {

    private static final TypeReference<Map<Stage, TransitionRates>> RATES = new TypeReference<>() {};
    private static final TypeReference<Map<Stage, ExitOutcome>> EXITS = new TypeReference<>() {};
    private static final TypeReference<Map<Stage, StageRoundDynamics>> ROUND_DYNAMICS = new TypeReference<>() {};

    private final Pool pool;
    private final JsonColumns json;

    CalibrationRepository(Pool pool, JsonColumns json) {
        this.pool = pool;
        this.json = json;
    }

    /**
     * Inserts a fund's new snapshot, its round dynamics (when given) stored complete: Seed's omitted step-up and
     * dilution as 1 and 0. Empty when that fund already has the version (versions are immutable) or a shared
     * snapshot has it (its name is public, and a fund's copy would make the version mean two things).
     */
    public Uni<Optional<CalibrationView>> insert(SqlClient client, CalibrationRequest request, ModelParams params) {
        Tuple tuple = Tuple.tuple()
                .addString(request.version())
                .addUUID(request.fundId())
                .addJsonObject(json.object(request.transitionStats()))
                .addJsonObject(json.object(request.exitOutcomes()))
                .addJsonObject(json.object(params))
                .addInteger(request.sampleSize())
                .addString(request.dataWindow())
                .addString(request.calibrationMethod())
                .addValue(
                        request.roundDynamics() == null
                                ? null
                                : json.object(StageRoundDynamics.normalized(request.roundDynamics())));
        return client.preparedQuery("""
                        INSERT INTO calibration_snapshots (version, fund_id, transition_stats, exit_outcomes,
                                                           model_params, sample_size, data_window, calibration_method,
                                                           round_dynamics)
                        SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
                        WHERE NOT EXISTS (SELECT 1 FROM calibration_snapshots WHERE fund_id IS NULL AND version = $1)
                        ON CONFLICT DO NOTHING
                        RETURNING version, fund_id, transition_stats, exit_outcomes, round_dynamics, model_params,
                                  sample_size, data_window, calibration_method, created_at""").execute(tuple).map(this::first);
    }

    /**
     * The snapshot a version names for these funds: the first fund's (in the order given) that has it, else a shared
     * one. Another fund's snapshot of that version is never returned.
     */
    public Uni<Optional<CalibrationView>> findVisible(String version, List<UUID> fundIds) {
        return pool.preparedQuery("""
                        SELECT version, fund_id, transition_stats, exit_outcomes, round_dynamics, model_params,
                               sample_size, data_window, calibration_method, created_at
                        FROM calibration_snapshots
                        WHERE version = $1 AND (fund_id IS NULL OR fund_id = ANY($2))
                        ORDER BY array_position($2, fund_id) NULLS LAST
                        LIMIT 1""")
                .execute(Tuple.of(version, fundIds.toArray(UUID[]::new)))
                .map(this::first);
    }

    /** The shared benchmark snapshots and those of the given funds, oldest first. */
    public Uni<List<CalibrationView>> list(List<UUID> fundIds, int limit) {
        return pool.preparedQuery("""
                        SELECT version, fund_id, transition_stats, exit_outcomes, round_dynamics, model_params,
                               sample_size, data_window, calibration_method, created_at
                        FROM calibration_snapshots
                        WHERE fund_id IS NULL OR fund_id = ANY($1)
                        ORDER BY created_at, version, fund_id
                        LIMIT $2""")
                .execute(Tuple.of(fundIds.toArray(UUID[]::new), limit))
                .map(rows -> {
                    List<CalibrationView> views = new ArrayList<>();
                    rows.forEach(row -> views.add(from(row)));
                    return views;
                });
    }

    private Optional<CalibrationView> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(from(iterator.next())) : Optional.empty();
    }

    private CalibrationView from(Row row) {
        return new CalibrationView(
                row.getString("version"),
                row.getUUID("fund_id"),
                json.read(row.getValue("transition_stats"), RATES),
                json.read(row.getValue("exit_outcomes"), EXITS),
                json.read(row.getValue("round_dynamics"), ROUND_DYNAMICS),
                json.read(row.getValue("model_params"), ModelParams.class),
                row.getInteger("sample_size"),
                row.getString("data_window"),
                row.getString("calibration_method"),
                row.getOffsetDateTime("created_at"));
    }
}
