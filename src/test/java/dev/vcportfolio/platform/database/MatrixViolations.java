package dev.vcportfolio.platform.database;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Rows of {@code scenario_matrices} that each break exactly one constraint. */
final class MatrixViolations {

    private MatrixViolations() {}

    private static final String KEY = "'" + "b".repeat(64) + "'";
    private static final String INSERT =
            "INSERT INTO scenario_matrices (matrix_key, matrix_key_json, key_schema_version,"
                    + " sim_model_version, matrix_type, status, error_reason, completed_at, moic_matrix, bucket_keys,"
                    + " scenario_states, bucket_params, compression_codec, matrix_layout, bucket_count, s_opt, raw_bytes)"
                    + " VALUES ";
    private static final String COMPLETE_PAYLOAD =
            "'\\x00'::bytea, '[]', '[]', '{}', 'zstd-v1', 'float32-le-bucket-major', 2, 3, 24";

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments(
                        "scenario_matrices_key_format_check",
                        INSERT + "('not-a-sha', '{}', 'v1.2', 'm', 'moic', 'generating', NULL, NULL,"
                                + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)"),
                arguments(
                        "scenario_matrices_type_check",
                        INSERT + "(" + KEY + ", '{}', 'v1.2', 'm', 'npv', 'generating', NULL, NULL,"
                                + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)"),
                arguments(
                        "scenario_matrices_status_check",
                        INSERT + "(" + KEY + ", '{}', 'v1.2', 'm', 'moic', 'ready', NULL, NULL,"
                                + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)"),
                arguments(
                        "scenario_matrices_payload_check",
                        INSERT + "(" + KEY + ", '{}', 'v1.2', 'm', 'moic', 'complete', NULL, now(),"
                                + " NULL, '[]', '[]', '{}', 'zstd-v1', 'float32-le-bucket-major', 2, 3, 24)"),
                arguments(
                        "scenario_matrices_completed_at_check",
                        INSERT + "(" + KEY + ", '{}', 'v1.2', 'm', 'moic', 'complete', NULL, NULL, " + COMPLETE_PAYLOAD
                                + ")"),
                arguments(
                        "scenario_matrices_failed_reason_check",
                        INSERT + "(" + KEY + ", '{}', 'v1.2', 'm', 'moic', 'failed', NULL, now(),"
                                + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)"),
                arguments(
                        "scenario_matrices_dimensions_check",
                        INSERT + "(" + KEY + ", '{}', 'v1.2', 'm', 'moic', 'generating', NULL, NULL,"
                                + " NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL)"),
                arguments(
                        "scenario_matrices_raw_bytes_check",
                        INSERT + "(" + KEY + ", '{}', 'v1.2', 'm', 'moic', 'complete', NULL, now(),"
                                + " '\\x00'::bytea, '[]', '[]', '{}', 'zstd-v1', 'float32-le-bucket-major', 2, 3, 25)"),
                arguments(
                        "scenario_matrices_key_unique",
                        INSERT + "('" + "a".repeat(64) + "', '{}', 'v1.2', 'm', 'moic', 'generating', NULL, NULL,"
                                + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)"));
    }
}
