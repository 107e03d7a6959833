package dev.vcportfolio.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.platform.database.DatabaseTarget;
import dev.vcportfolio.support.Jdbc;
import dev.vcportfolio.support.ServiceProcess;
import dev.vcportfolio.support.SharedDatabase;
import dev.vcportfolio.support.TestDatabase;
import dev.vcportfolio.support.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged service starts on an empty database and on an up-to-date one, refuses to start when an applied migration
 * was edited, and with no database configured runs on an embedded PostgreSQL whose data survives a restart (with a
 * token configured, no first-run local token is made).
 */
@ExtendWith(SharedDatabase.class)
class StartupIT {

    /**
     * Generous: the service starts (or refuses to) in seconds, an embedded cold start with initdb in tens of seconds
     * on loaded cores. The bound only turns a start that never ends into a failure; start-up times are printed only.
     */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    @Test
    void starts_on_an_empty_database_then_on_an_up_to_date_one() {
        // given
        DatabaseTarget empty = TestDatabase.createDatabase("startup_empty");

        // when / then: first start migrates, second start finds nothing to do
        for (String run : new String[] {"first", "second"}) {
            try (ServiceProcess service = ServiceProcess.launch("startup-" + run, environment(empty))) {
                Duration ready = service.awaitReady(START_TIMEOUT);
                System.out.printf("StartupIT: %s start ready in %d ms%n", run, ready.toMillis());
                assertThat(service.stop()).as("graceful exit code").isIn(0, 143);
                assertThat(service.output()).contains("Database: PostgreSQL server at", "schema at version");
                if (run.equals("first")) {
                    assertThat(service.output()).contains("Successfully applied");
                } else {
                    assertThat(service.output()).contains("Schema \"public\" is up to date");
                }
            }
        }
    }

    @Test
    void an_edited_applied_migration_stops_start_up_with_a_clear_message() {
        // given a database migrated by the service, whose V2 was then changed on disk (simulated via its checksum)
        DatabaseTarget database = TestDatabase.createDatabase("startup_tampered");
        try (ServiceProcess service = ServiceProcess.launch("tamper-setup", environment(database))) {
            service.awaitReady(START_TIMEOUT);
        }
        Jdbc.execute(database, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");

        // when
        try (ServiceProcess service = ServiceProcess.launch("tampered", environment(database))) {
            // then
            assertThat(service.awaitExit(START_TIMEOUT))
                    .as("exit code")
                    .hasValueSatisfying(code -> assertThat(code).isNotZero());
            assertThat(service.output())
                    .contains("Migration checksum mismatch for migration version 2")
                    .doesNotContain("Listening on");
        }
    }

    @Test
    void with_nothing_configured_it_runs_on_embedded_postgres_whose_data_survives_a_restart() throws Exception {
        // given
        Path data = Files.createTempDirectory("embedded-startup").resolve("postgres");
        Map<String, String> environment = Map.of("APP_EMBEDDED_DB_DIR", data.toString());

        // when a calibration is stored, and the service restarted on the same data folder
        try (ServiceProcess service = ServiceProcess.launch("embedded-first", environment)) {
            Duration ready = service.awaitReady(START_TIMEOUT);
            System.out.printf("StartupIT: embedded cold start (initdb + migrate) ready in %d ms%n", ready.toMillis());
            assertThat(service.output())
                    .contains("Database: embedded PostgreSQL on 127.0.0.1:")
                    .as("a configured token turns the first run's local token off")
                    .doesNotContain("#token=", "First run");
            assertThat(unauthenticated(service.uri("/api/calibrations"))).isEqualTo(401);
            assertThat(post(service.uri("/api/calibrations"), calibration("survives-restart")))
                    .isEqualTo(201);
            assertThat(service.stop()).isIn(0, 143);
        }
        try (ServiceProcess service = ServiceProcess.launch("embedded-second", environment)) {
            Duration ready = service.awaitReady(START_TIMEOUT);
            System.out.printf("StartupIT: embedded warm start ready in %d ms%n", ready.toMillis());

            // then
            assertThat(service.status("/api/calibrations/survives-restart")).hasValue(200);
        }
    }

    private static Map<String, String> environment(DatabaseTarget database) {
        return Map.of(
                "DB_URL", database.reactiveUrl(),
                "DB_USER", database.user(),
                "DB_PASSWORD", database.password());
    }

    private static int post(URI uri, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header(TestTokens.AUTHORIZATION, TestTokens.bearer(TestTokens.TOKEN))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int unauthenticated(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String calibration(String version) {
        String rates = "{\"exitRate\": 0.1, \"graduateRate\": 0.3, \"failureRate\": 0.2}";
        String exit = "{\"medianMOIC\": 2, \"p90MOIC\": 8}";
        return """
                {"version": "%s",
                 "transitionStats": {"Seed": %s, "SeriesA": %s, "SeriesB": %s, "SeriesC": %s},
                 "exitOutcomes": {"Seed": %s, "SeriesA": %s, "SeriesB": %s, "SeriesC": %s}}""".formatted(version, rates, rates, rates, rates, exit, exit, exit, exit);
    }
}
