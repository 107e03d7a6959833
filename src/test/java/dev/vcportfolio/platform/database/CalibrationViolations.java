package dev.vcportfolio.platform.database;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Rows of {@code calibration_snapshots} that each break exactly one constraint. */
final class CalibrationViolations {

    private CalibrationViolations() {}

    private static final String RATES = "{\"exitRate\": 0.1, \"graduateRate\": 0.3, \"failureRate\": 0.2}";
    private static final String STATS = "'{\"Seed\": " + RATES + ", \"SeriesA\": " + RATES + ", \"SeriesB\": " + RATES
            + ", \"SeriesC\": " + RATES + "}'";
    private static final String EXIT = "{\"medianMOIC\": 2, \"p90MOIC\": 8}";
    private static final String EXITS = "'{\"Seed\": " + EXIT + ", \"SeriesA\": " + EXIT + ", \"SeriesB\": " + EXIT
            + ", \"SeriesC\": " + EXIT + "}'";
    private static final String PARAMS = "'{\"maxMoic\": 250, \"maxRounds\": 8, \"regimes\": []}'";
    private static final String INSERT = "INSERT INTO calibration_snapshots (version, transition_stats, exit_outcomes,"
            + " model_params, sample_size) VALUES ";
    private static final String ROUNDS =
            "{\"yearsToNextRound\": {\"median\": 2, \"p90\": 5}, \"stepUp\": {\"median\": 2,"
                    + " \"p90\": 4}, \"dilution\": 0.2, \"entryPostMoney\": 50000000}";
    private static final String DYNAMICS = "'{\"Seed\": " + ROUNDS + ", \"SeriesA\": " + ROUNDS + ", \"SeriesB\": "
            + ROUNDS + ", \"SeriesC\": " + ROUNDS + "}'";
    private static final String INSERT_DYNAMICS = "INSERT INTO calibration_snapshots (version, transition_stats,"
            + " exit_outcomes, model_params, round_dynamics) VALUES ";

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments(
                        "calibration_snapshots_version_format_check",
                        INSERT + "('schema test', " + STATS + ", " + EXITS + ", " + PARAMS + ", NULL)"),
                arguments(
                        "calibration_snapshots_transition_stats_check",
                        INSERT + "('schema-test-sum', " + STATS.replace("0.3", "0.9") + ", " + EXITS + ", " + PARAMS
                                + ", NULL)"),
                arguments(
                        "calibration_snapshots_transition_stats_check",
                        INSERT + "('schema-test-stage', " + STATS.replace("SeriesC", "SeriesD") + ", " + EXITS + ", "
                                + PARAMS + ", NULL)"),
                arguments(
                        "calibration_snapshots_transition_stats_check",
                        INSERT + "('schema-test-type', " + STATS.replace("0.1", "\"0.1\"") + ", " + EXITS + ", "
                                + PARAMS + ", NULL)"),
                arguments(
                        "calibration_snapshots_exit_outcomes_check",
                        INSERT + "('schema-test-p90', " + STATS + ", " + EXITS.replace("8}", "1}") + ", " + PARAMS
                                + ", NULL)"),
                arguments(
                        "calibration_snapshots_exit_outcomes_check",
                        INSERT + "('schema-test-median', " + STATS + ", "
                                + EXITS.replace("\"medianMOIC\": 2", "\"medianMOIC\": 0") + ", " + PARAMS + ", NULL)"),
                arguments(
                        "calibration_snapshots_model_params_check",
                        INSERT + "('schema-test-params', " + STATS + ", " + EXITS + ", '{\"maxMoic\": 250}', NULL)"),
                arguments(
                        "calibration_snapshots_sample_size_check",
                        INSERT + "('schema-test-size', " + STATS + ", " + EXITS + ", " + PARAMS + ", -1)"),
                arguments(
                        "calibration_snapshots_round_dynamics_check",
                        dynamicsRow("schema-test-rd-p90", DYNAMICS.replace("\"p90\": 4", "\"p90\": 1"))),
                arguments(
                        "calibration_snapshots_round_dynamics_check",
                        dynamicsRow("schema-test-rd-dilution", DYNAMICS.replace("0.2", "0.95"))),
                arguments(
                        "calibration_snapshots_round_dynamics_check",
                        dynamicsRow("schema-test-rd-stage", DYNAMICS.replace("\"SeriesC\"", "\"SeriesD\""))),
                arguments(
                        "calibration_snapshots_round_dynamics_check",
                        dynamicsRow("schema-test-rd-missing", DYNAMICS.replace(", \"entryPostMoney\": 50000000", ""))),
                arguments(
                        "calibration_snapshots_round_dynamics_check",
                        dynamicsRow(
                                "schema-test-rd-years",
                                DYNAMICS.replace("\"median\": 2, \"p90\": 5", "\"median\": 21, \"p90\": 25"))),
                arguments(
                        "calibration_snapshots_round_dynamics_check",
                        dynamicsRow("schema-test-rd-type", DYNAMICS.replace("0.2", "\"0.2\""))),
                arguments(
                        "calibration_snapshots_shared_version_unique",
                        INSERT + "('industry-benchmark-v1', " + STATS + ", " + EXITS + ", " + PARAMS + ", NULL)"),
                arguments(
                        "calibration_snapshots_fund_version_unique",
                        "INSERT INTO calibration_snapshots (version, fund_id, transition_stats, exit_outcomes,"
                                + " model_params) VALUES " + fundRow() + ", " + fundRow()));
    }

    /** A shared snapshot with the given round dynamics, valid otherwise. */
    private static String dynamicsRow(String version, String dynamics) {
        return INSERT_DYNAMICS + "('" + version + "', " + STATS + ", " + EXITS + ", " + PARAMS + ", " + dynamics + ")";
    }

    /** A row of one fund's version 'schema-test-twice': inserting it twice breaks the per-fund uniqueness. */
    private static String fundRow() {
        return "('schema-test-twice', '00000000-0000-4000-8000-00000000c0de', " + STATS + ", " + EXITS + ", " + PARAMS
                + ")";
    }
}
