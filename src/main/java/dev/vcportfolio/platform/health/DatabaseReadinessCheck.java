package dev.vcportfolio.platform.health;

import dev.vcportfolio.platform.database.SchemaVersion;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers through the reactive pool and holds the schema version this build migrated to.
 * Goes DOWN while the database is unreachable and UP again when it returns, without a restart.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements AsyncHealthCheck {

    private static final String NAME = "database";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Pool pool;
    private final SchemaVersion schema;

    DatabaseReadinessCheck(Pool pool, SchemaVersion schema) {
        this.pool = pool;
        this.schema = schema;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.preparedQuery("""
                        SELECT count(*) AS applied
                        FROM flyway_schema_history
                        WHERE success AND version = $1
                        """)
                .execute(Tuple.of(schema.expected()))
                .map(rows -> rows.iterator().next())
                .map(this::fromRow)
                .ifNoItem()
                .after(TIMEOUT)
                .fail()
                .onFailure()
                .recoverWithItem(failure -> HealthCheckResponse.named(NAME)
                        .down()
                        .withData("error", String.valueOf(failure.getMessage()))
                        .build());
    }

    private HealthCheckResponse fromRow(Row row) {
        boolean migrated = row.getLong("applied") > 0;
        return HealthCheckResponse.named(NAME)
                .status(migrated)
                .withData("schemaVersion", schema.expected())
                .withData("migrationsApplied", migrated)
                .build();
    }
}
