package dev.vcportfolio.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.deploy.KubernetesManifests;
import dev.vcportfolio.platform.database.DatabaseTarget;
import dev.vcportfolio.support.Await;
import dev.vcportfolio.support.Jdbc;
import dev.vcportfolio.support.ServiceProcess;
import dev.vcportfolio.support.SharedDatabase;
import dev.vcportfolio.support.TestDatabase;
import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Kubernetes rollout on a new database: the Deployment's replicas (3) of the packaged service start at the same
 * moment on an empty database. Flyway's PostgreSQL advisory lock must let one of them apply each migration while the
 * others wait, so all become ready on one schema, every migration recorded once. To make the race certain rather than
 * likely, the test holds Flyway's lock until the database shows every replica trying to take it.
 */
@ExtendWith(SharedDatabase.class)
class RolloutIT {

    /**
     * Generous: three replicas reach Flyway and then become ready in well under a minute on two loaded cores. The bound
     * only turns a replica that never does into a failure.
     */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern MIGRATION_FILE = Pattern.compile("V(\\d+)__.+\\.sql");
    private static final Pattern APPLIED = Pattern.compile("Successfully applied (\\d+) migrations?");

    /**
     * The advisory lock Flyway's PostgreSQL support takes around creating its history table and around each migration:
     * 77431708279161 plus the hash of the quoted table name (flyway-database-postgresql's PostgreSQLConnection). The
     * test holds it so that every replica is provably waiting at the same point; were the key ever to change, no
     * replica would be seen trying this one, and the test would fail.
     */
    private static final long FLYWAY_LOCK = 77_431_708_279_161L + "\"public\".\"flyway_schema_history\"".hashCode();

    /**
     * Replicas whose Flyway is trying the lock: Flyway retries {@code pg_try_advisory_xact_lock} (or, without its
     * transactional lock, {@code pg_try_advisory_lock}) once a second on one connection, so between tries that
     * connection's last statement is the try. Flyway gives up after 50 tries, so the lock is let go as soon as the last
     * replica is seen trying: the first one waits only for the others' start-up.
     */
    private static final String TRYING = """
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND query IN ('SELECT pg_try_advisory_xact_lock(%1$d)', 'SELECT pg_try_advisory_lock(%1$d)')""".formatted(FLYWAY_LOCK);

    @Test
    void three_replicas_started_together_on_an_empty_database_migrate_it_once() throws Exception {
        // given
        DatabaseTarget empty = TestDatabase.createDatabase("rollout");
        Container container =
                KubernetesManifests.folder(KubernetesManifests.BASE).container();
        int replicas = KubernetesManifests.folder(KubernetesManifests.BASE)
                .one(io.fabric8.kubernetes.api.model.apps.Deployment.class)
                .getSpec()
                .getReplicas();
        List<String> migrations = migrationVersions();
        String latest = migrations.get(migrations.size() - 1);
        List<ServiceProcess> pods = new ArrayList<>();
        try {
            // when all replicas are trying to take the migration lock while it is held, and then it is let go
            try (Connection holder = Jdbc.connect(empty);
                    Statement statement = holder.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + FLYWAY_LOCK + ")");
                for (int i = 0; i < replicas; i++) {
                    pods.add(ServiceProcess.launch("rollout-" + i, environment(empty)));
                }
                Await.atMost(START_TIMEOUT, "every replica to be trying Flyway's lock")
                        .until(() -> scalar(statement, TRYING) == replicas);
                assertThat(pods)
                        .as("no replica migrates or becomes ready while Flyway's lock is held elsewhere")
                        .allSatisfy(pod -> {
                            assertThat(pod.output()).doesNotContain("Successfully applied", "Listening on");
                            assertThat(pod.status("/q/health/ready")).isEmpty();
                        });
                statement.execute("SELECT pg_advisory_unlock(" + FLYWAY_LOCK + ")");
            }
            for (ServiceProcess pod : pods) {
                Duration ready = pod.awaitReady(START_TIMEOUT);
                System.out.printf(
                        "RolloutIT: replica on port %d ready in %d ms, applied %d migration(s)%n",
                        pod.port(), ready.toMillis(), applied(pod));
            }

            // then
            assertThat(historyCounts(empty))
                    .as("flyway_schema_history rows per version")
                    .containsOnlyKeys(migrations)
                    .allSatisfy((version, rows) ->
                            assertThat(rows).as("rows for V" + version).isEqualTo(1));
            assertThat(scalar(empty, "SELECT count(*) FROM flyway_schema_history WHERE NOT success"))
                    .as("failed migrations")
                    .isZero();
            assertThat(scalar(empty, "SELECT max(version::int) FROM flyway_schema_history"))
                    .as("schema version")
                    .isEqualTo(Long.parseLong(latest));
            assertThat(pods.stream().mapToInt(RolloutIT::applied).sum())
                    .as("migrations applied across the replicas")
                    .isEqualTo(migrations.size());
            for (ServiceProcess pod : pods) {
                assertThat(pod.output()).contains("schema at version " + latest);
                for (String path : List.of(
                        container.getStartupProbe().getHttpGet().getPath(),
                        container.getLivenessProbe().getHttpGet().getPath(),
                        container.getReadinessProbe().getHttpGet().getPath())) {
                    assertThat(pod.status(path))
                            .as(path + " on port " + pod.port())
                            .hasValue(200);
                }
            }
            for (ServiceProcess pod : pods) {
                assertThat(pod.stop()).as("graceful exit code").isIn(0, 143);
            }
        } finally {
            pods.forEach(ServiceProcess::close);
        }
    }

    private static Map<String, String> environment(DatabaseTarget database) {
        return Map.of(
                "DB_URL", database.reactiveUrl(),
                "DB_USER", database.user(),
                "DB_PASSWORD", database.password());
    }

    /** The versions of the migrations in this build, ascending. */
    private static List<String> migrationVersions() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.map(file -> MIGRATION_FILE.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(matcher -> matcher.group(1))
                    .sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                    .toList();
        }
    }

    private static int applied(ServiceProcess pod) {
        Matcher matcher = APPLIED.matcher(pod.output());
        int applied = 0;
        while (matcher.find()) {
            applied += Integer.parseInt(matcher.group(1));
        }
        return applied;
    }

    private static Map<String, Long> historyCounts(DatabaseTarget database) throws SQLException {
        try (Connection connection = Jdbc.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT version, count(*) AS n FROM flyway_schema_history
                        WHERE version IS NOT NULL GROUP BY version""")) {
            Map<String, Long> counts = new TreeMap<>();
            while (rows.next()) {
                counts.put(rows.getString("version"), rows.getLong("n"));
            }
            return counts;
        }
    }

    private static long scalar(DatabaseTarget database, String sql) throws SQLException {
        try (Connection connection = Jdbc.connect(database);
                Statement statement = connection.createStatement()) {
            return scalar(statement, sql);
        }
    }

    private static long scalar(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
