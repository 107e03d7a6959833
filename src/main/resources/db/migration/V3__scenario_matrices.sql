-- Scenario matrices of bucket outcomes, deduplicated by the SHA-256 of their canonical key.
CREATE TABLE scenario_matrices (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    matrix_key          text        NOT NULL,
    matrix_key_json     jsonb       NOT NULL,
    fund_id             uuid,
    matrix_type         text        NOT NULL DEFAULT 'moic',
    key_schema_version  text        NOT NULL,
    sim_model_version   text        NOT NULL,
    calibration_version text,
    status              text        NOT NULL DEFAULT 'generating',
    error_reason        text,
    moic_matrix         bytea,
    bucket_keys         jsonb,
    scenario_states     jsonb,
    bucket_params       jsonb,
    compression_codec   text,
    matrix_layout       text,
    bucket_count        int,
    s_opt               int,
    raw_bytes           bigint,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    completed_at        timestamptz,
    last_accessed_at    timestamptz,
    CONSTRAINT scenario_matrices_key_unique UNIQUE (matrix_key),
    CONSTRAINT scenario_matrices_key_format_check CHECK (matrix_key ~ '^[0-9a-f]{64}$'),
    CONSTRAINT scenario_matrices_type_check CHECK (matrix_type IN ('moic', 'tvpi', 'dpi', 'irr')),
    CONSTRAINT scenario_matrices_status_check CHECK (status IN ('generating', 'complete', 'failed')),
    CONSTRAINT scenario_matrices_payload_check CHECK (
        status <> 'complete'
        OR (moic_matrix IS NOT NULL AND bucket_keys IS NOT NULL AND scenario_states IS NOT NULL
            AND bucket_params IS NOT NULL AND compression_codec IS NOT NULL AND matrix_layout IS NOT NULL
            AND bucket_count IS NOT NULL AND s_opt IS NOT NULL AND raw_bytes IS NOT NULL)),
    CONSTRAINT scenario_matrices_completed_at_check
        CHECK ((status IN ('complete', 'failed')) = (completed_at IS NOT NULL)),
    CONSTRAINT scenario_matrices_failed_reason_check CHECK (status <> 'failed' OR error_reason IS NOT NULL),
    CONSTRAINT scenario_matrices_dimensions_check
        CHECK ((bucket_count IS NULL OR bucket_count > 0) AND (s_opt IS NULL OR s_opt > 0)),
    CONSTRAINT scenario_matrices_raw_bytes_check
        CHECK (raw_bytes IS NULL OR raw_bytes = 4::bigint * bucket_count * s_opt)
);

CREATE TRIGGER scenario_matrices_touch BEFORE UPDATE ON scenario_matrices
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

CREATE INDEX scenario_matrices_fund_idx ON scenario_matrices (fund_id, created_at);
