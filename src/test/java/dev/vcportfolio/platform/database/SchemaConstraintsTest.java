package dev.vcportfolio.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vcportfolio.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each schema constraint rejects the rows it must: one case per constraint, each naming the constraint that has to
 * fire. The valid fixtures prove the constraints do not reject good rows too.
 */
@QuarkusTest
class SchemaConstraintsTest {

    private static final String MATRIX_KEY = "a".repeat(64);

    @Inject
    Pool pool;

    @BeforeEach
    void validFixtures() {
        cleanUp();
        Sql.run(pool, """
                INSERT INTO scenario_matrices (id, matrix_key, matrix_key_json, key_schema_version, sim_model_version)
                VALUES ('00000000-0000-0000-0000-0000000000aa', $1, '{}', 'v1.2', 'three_component_v1')""", MATRIX_KEY);
    }

    @AfterEach
    void cleanUp() {
        Sql.run(pool, "DELETE FROM optimization_sessions WHERE fund_id = '00000000-0000-0000-0000-0000000000f1'");
        // only this test's own keys: other tests' matrices (any hex key) may still be referenced by their sessions
        Sql.run(pool, "DELETE FROM scenario_matrices WHERE matrix_key ~ '^(a{64}|b{64})$'");
        Sql.run(pool, "DELETE FROM job_outbox WHERE idempotency_key LIKE 'schema-test:%'");
        Sql.run(pool, "DELETE FROM calibration_snapshots WHERE version LIKE 'schema-test%'");
    }

    @Test
    void valid_rows_of_every_table_are_accepted() {
        // given the fixture matrix, and
        // when
        Sql.run(pool, """
                INSERT INTO job_outbox (idempotency_key, job_type, payload) VALUES ('schema-test:ok', 'optimization', '{}')""");
        Sql.run(pool, """
                INSERT INTO optimization_sessions (fund_id, matrix_id, optimization_config, status)
                VALUES ('00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0000-0000000000aa', '{}', 'OPTIMIZING')""");
        Sql.run(pool, """
                INSERT INTO calibration_snapshots (version, transition_stats, exit_outcomes, model_params)
                SELECT 'schema-test-ok', transition_stats, exit_outcomes, model_params
                FROM calibration_snapshots WHERE version = 'industry-benchmark-v1'""");
        // then
        assertThat(Sql.scalarLong(pool, "SELECT count(*) FROM job_outbox WHERE idempotency_key = 'schema-test:ok'"))
                .isEqualTo(1);
        assertThat(
                        Sql.scalarLong(
                                pool,
                                "SELECT count(*) FROM optimization_sessions WHERE fund_id = '00000000-0000-0000-0000-0000000000f1'"))
                .isEqualTo(1);
        assertThat(Sql.scalarLong(pool, "SELECT count(*) FROM calibration_snapshots WHERE version = 'schema-test-ok'"))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void constraint_rejects_row(String constraint, String sql) {
        // when / then
        assertThatThrownBy(() -> Sql.run(pool, sql))
                .isInstanceOf(PgException.class)
                .satisfies(e -> assertThat(((PgException) e).getConstraint()).isEqualTo(constraint));
    }

    static Stream<Arguments> violations() {
        return Stream.concat(
                Stream.concat(OutboxViolations.cases(), MatrixViolations.cases()),
                Stream.concat(SessionViolations.cases(), CalibrationViolations.cases()));
    }
}
