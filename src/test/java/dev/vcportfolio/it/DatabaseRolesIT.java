package dev.vcportfolio.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vcportfolio.platform.database.DatabaseTarget;
import dev.vcportfolio.support.Await;
import dev.vcportfolio.support.Jdbc;
import dev.vcportfolio.support.ServiceProcess;
import dev.vcportfolio.support.SharedDatabase;
import dev.vcportfolio.support.TestDatabase;
import dev.vcportfolio.support.TestTokens;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two database roles of README "Database roles", set up by the checked-in {@code deploy/sql/roles.sql}: the
 * packaged service migrates as the owner ({@code DB_OWNER_USER}) and then does all its work (calibrations, a whole
 * session through the outbox, readiness) as the run-time role ({@code DB_USER}), which can create, alter or drop
 * nothing.
 */
@ExtendWith(SharedDatabase.class)
class DatabaseRolesIT {

    /**
     * Generous: the service starts and a session finishes in seconds. The bound only turns one that never does into a
     * failure.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    private static final Path ROLES_SCRIPT = Path.of("deploy/sql/roles.sql");
    private static final String OWNER = "portfolio_owner";
    private static final String RUNTIME = "portfolio";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static DatabaseTarget admin;
    private static DatabaseTarget runtime;
    private static String serviceLog;
    private static JsonNode calibration;
    private static JsonNode session;
    private static List<String> serviceConnectionRoles;

    /** One database set up by the script, one service run on it; the tests read what that run left behind. */
    @BeforeAll
    static void run_the_service_with_split_roles() throws Exception {
        admin = TestDatabase.createDatabase("roles");
        Jdbc.execute(
                admin,
                Files.readString(ROLES_SCRIPT),
                // twice: the script is idempotent
                Files.readString(ROLES_SCRIPT),
                "ALTER ROLE " + OWNER + " PASSWORD 'owner-secret'",
                "ALTER ROLE " + RUNTIME + " PASSWORD 'runtime-secret'");
        runtime = as(RUNTIME, "runtime-secret");
        try (ServiceProcess service = ServiceProcess.launch(
                "roles",
                Map.of(
                        "DB_URL",
                        admin.reactiveUrl(),
                        "DB_USER",
                        RUNTIME,
                        "DB_PASSWORD",
                        "runtime-secret",
                        "DB_OWNER_USER",
                        OWNER,
                        "DB_OWNER_PASSWORD",
                        "owner-secret"))) {
            service.awaitReady(TIMEOUT);
            serviceConnectionRoles = query(
                    admin,
                    "SELECT usename FROM pg_stat_activity WHERE datname = '" + admin.database()
                            + "' AND pid <> pg_backend_pid()");
            assertThat(send(service, "POST", "/api/calibrations", calibrationBody())
                            .statusCode())
                    .isEqualTo(201);
            calibration = JSON.readTree(
                    send(service, "GET", "/api/calibrations/roles-v1", null).body());
            HttpResponse<String> accepted = send(service, "POST", "/api/optimization/request", sessionBody());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            session = awaitFinished(
                    service, JSON.readTree(accepted.body()).get("sessionId").asText());
            assertThat(service.status("/q/health/ready"))
                    .as("readiness as the run-time role")
                    .hasValue(200);
            service.stop();
            serviceLog = service.output();
        }
    }

    @Test
    void the_migrations_were_applied_by_the_owner_who_owns_every_table() {
        // then
        assertThat(serviceLog).contains("migrations run as " + OWNER, "Successfully applied");
        assertThat(query(admin, "SELECT DISTINCT installed_by FROM flyway_schema_history"))
                .containsExactly(OWNER);
        assertThat(query(admin, "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"))
                .containsExactly(OWNER);
    }

    @Test
    void the_running_service_connects_as_the_run_time_role_only() {
        // then: the pool and the outbox's LISTEN connection; Flyway's JDBC connection is closed once it migrated
        assertThat(serviceConnectionRoles).isNotEmpty().containsOnly(RUNTIME);
    }

    @Test
    void the_service_works_end_to_end_as_the_run_time_role() {
        // then: a calibration written and read back, a whole session through the outbox, no permission error
        assertThat(calibration.get("version").asText()).isEqualTo("roles-v1");
        assertThat(session.get("status").asText()).as(session.toString()).isEqualTo("COMPLETED");
        assertThat(query(admin, "SELECT DISTINCT job_type || ':' || status FROM job_outbox ORDER BY 1"))
                .containsExactly("matrix_generation:completed", "optimization:completed", "validation:completed");
        assertThat(serviceLog).doesNotContainIgnoringCase("permission denied");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CREATE TABLE intruder (id int)",
                "CREATE TEMPORARY TABLE intruder (id int)",
                "CREATE INDEX intruder ON job_outbox (created_at)",
                "CREATE SCHEMA intruder",
                "CREATE FUNCTION intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                "ALTER TABLE job_outbox ADD COLUMN intruder int",
                "ALTER TABLE calibration_snapshots DROP CONSTRAINT calibration_snapshots_version_format_check",
                "DROP TABLE optimization_sessions",
                "TRUNCATE job_outbox",
                "DROP TABLE flyway_schema_history"
            })
    void the_run_time_role_has_no_ddl_rights(String ddl) throws SQLException {
        try (Connection connection = Jdbc.connect(runtime);
                Statement statement = connection.createStatement()) {
            // when / then
            assertThatThrownBy(() -> statement.execute(ddl))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                            .as("SQLSTATE of %s: %s", ddl, e.getMessage())
                            .isEqualTo("42501"));
        }
    }

    @Test
    void the_run_time_role_reads_what_readiness_reads_writes_rows_notifies_and_locks() throws SQLException {
        try (Connection connection = Jdbc.connect(runtime);
                Statement statement = connection.createStatement()) {
            // when
            connection.setAutoCommit(false);
            String schemaVersion;
            try (ResultSet history = statement.executeQuery("SELECT max(version) FROM flyway_schema_history")) {
                history.next();
                schemaVersion = history.getString(1);
            }
            int deleted = statement.executeUpdate("DELETE FROM job_outbox WHERE job_type = 'validation'");
            statement.execute("LISTEN job_outbox");
            statement.execute("SELECT pg_notify('job_outbox', 'probe')");
            statement.execute("SELECT pg_try_advisory_xact_lock(42)");
            statement.execute("SELECT id FROM job_outbox WHERE status = 'pending' FOR UPDATE SKIP LOCKED");
            connection.rollback();

            // then
            assertThat(schemaVersion).isNotBlank();
            assertThat(deleted).isEqualTo(1);
        }
    }

    private static DatabaseTarget as(String user, String password) {
        return new DatabaseTarget(
                admin.host(), admin.port(), admin.database(), user, password, user + " on " + admin.database());
    }

    private static List<String> query(DatabaseTarget target, String sql) {
        try (Connection connection = Jdbc.connect(target);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static HttpResponse<String> send(ServiceProcess service, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = service.request(path).timeout(Duration.ofSeconds(30));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitFinished(ServiceProcess service, String sessionId) {
        try {
            return Await.atMost(TIMEOUT, "session " + sessionId + " to finish")
                    .until(
                            () -> JSON.readTree(send(service, "GET", "/api/optimization/status/" + sessionId, null)
                                    .body()),
                            status -> List.of("COMPLETED", "FAILED", "CANCELLED")
                                    .contains(status.path("status").asText()));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n" + service.output(), e);
        }
    }

    private static String calibrationBody() {
        String rates = "{\"exitRate\": 0.1, \"graduateRate\": 0.3, \"failureRate\": 0.2}";
        String exit = "{\"medianMOIC\": 2, \"p90MOIC\": 8}";
        return """
                {"version": "roles-v1",
                 "transitionStats": {"Seed": %s, "SeriesA": %s, "SeriesB": %s, "SeriesC": %s},
                 "exitOutcomes": {"Seed": %s, "SeriesA": %s, "SeriesB": %s, "SeriesC": %s}}""".formatted(rates, rates, rates, rates, exit, exit, exit, exit);
    }

    /** A small session on the calibration above: generation, optimization and validation jobs all run. */
    private static String sessionBody() {
        return """
                {"fundId": "%s", "fundSize": 80000000, "scenarioCount": 400, "validationScenarios": 800,
                 "calibrationVersion": "roles-v1",
                 "buckets": [
                   {"sector": "SaaS", "stage": "Seed", "initialCheck": 1000000, "reserveRatio": 1},
                   {"sector": "Bio", "stage": "SeriesA", "initialCheck": 3000000, "reserveRatio": 1}],
                 "constraints": {"bucketMaxWeight": 0.6, "maxLossProbability": 0.5}}""".formatted(TestTokens.FUNDS.getFirst());
    }
}
