package dev.vcportfolio.platform.database;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Rows of {@code optimization_sessions} that each break exactly one constraint. */
final class SessionViolations {

    private SessionViolations() {}

    private static final String FUND = "'00000000-0000-0000-0000-0000000000f1'";
    private static final String MATRIX = "'00000000-0000-0000-0000-0000000000aa'";
    private static final String INSERT = "INSERT INTO optimization_sessions (fund_id, matrix_id, optimization_config,"
            + " status, error_reason, allocation, solver_metadata, constraint_report, relaxation_log, pass1_e_star,"
            + " primary_lock_epsilon, validation_metrics, idempotency_key, request_hash, completed_at) VALUES ";
    private static final String SOLVED = "'[]', '{}', '[]', '[]', 2.5, 0.001";
    private static final String UNSOLVED = "NULL, NULL, NULL, NULL, NULL, NULL";

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments(
                        "optimization_sessions_status_check",
                        INSERT + "(" + FUND + ", " + MATRIX + ", '{}', 'RUNNING', NULL, " + UNSOLVED
                                + ", NULL, NULL, NULL, NULL)"),
                arguments(
                        "optimization_sessions_request_hash_check",
                        INSERT + "(" + FUND + ", " + MATRIX + ", '{}', 'OPTIMIZING', NULL, " + UNSOLVED
                                + ", NULL, 'key-1', NULL, NULL)"),
                arguments(
                        "optimization_sessions_allocation_check",
                        INSERT + "(" + FUND + ", " + MATRIX + ", '{}', 'VALIDATING', NULL,"
                                + " '[]', '{}', '[]', '[]', NULL, 0.001, NULL, NULL, NULL, NULL)"),
                arguments(
                        "optimization_sessions_allocation_stage_check",
                        INSERT + "(" + FUND + ", " + MATRIX + ", '{}', 'VALIDATING', NULL, " + UNSOLVED
                                + ", NULL, NULL, NULL, NULL)"),
                arguments(
                        "optimization_sessions_allocation_stage_check",
                        INSERT + "(" + FUND + ", " + MATRIX + ", '{}', 'OPTIMIZING', NULL, " + SOLVED
                                + ", NULL, NULL, NULL, NULL)"),
                arguments(
                        "optimization_sessions_validation_check",
                        INSERT + "(" + FUND + ", " + MATRIX + ", '{}', 'COMPLETED', NULL, " + SOLVED
                                + ", NULL, NULL, NULL, now())"),
                arguments(
                        "optimization_sessions_completed_at_check",
                        INSERT + "(" + FUND + ", " + MATRIX + ", '{}', 'CANCELLED', NULL, " + UNSOLVED
                                + ", NULL, NULL, NULL, NULL)"),
                arguments(
                        "optimization_sessions_failed_reason_check",
                        INSERT + "(" + FUND + ", " + MATRIX + ", '{}', 'FAILED', NULL, " + UNSOLVED
                                + ", NULL, NULL, NULL, now())"),
                arguments(
                        "optimization_sessions_matrix_check",
                        INSERT + "(" + FUND + ", NULL, '{}', 'OPTIMIZING', NULL, " + UNSOLVED
                                + ", NULL, NULL, NULL, NULL)"),
                arguments(
                        "optimization_sessions_matrix_id_fkey",
                        INSERT + "(" + FUND + ", '00000000-0000-0000-0000-00000000dead', '{}', 'OPTIMIZING', NULL, "
                                + UNSOLVED + ", NULL, NULL, NULL, NULL)"),
                arguments(
                        "optimization_sessions_idempotency_unique",
                        INSERT + "(" + FUND + ", " + MATRIX + ", '{}', 'OPTIMIZING', NULL, " + UNSOLVED
                                + ", NULL, 'same', 'h1', NULL), (" + FUND + ", " + MATRIX
                                + ", '{}', 'OPTIMIZING', NULL, "
                                + UNSOLVED + ", NULL, 'same', 'h2', NULL)"));
    }
}
