-- One optimization request and its life cycle: REQUESTED -> MATRIX_GENERATING -> OPTIMIZING -> VALIDATING -> COMPLETED,
-- or FAILED / CANCELLED from any non-terminal state.
CREATE TABLE optimization_sessions (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    fund_id                 uuid        NOT NULL,
    matrix_id               uuid REFERENCES scenario_matrices (id),
    optimization_config     jsonb       NOT NULL,
    status                  text        NOT NULL DEFAULT 'REQUESTED',
    error_reason            text,
    allocation              jsonb,
    solver_metadata         jsonb,
    constraint_report       jsonb,
    relaxation_log          jsonb,
    validation_metrics      jsonb,
    -- double precision, not NUMERIC: E* must round-trip bit for bit so a re-run can be proven identical.
    pass1_e_star            double precision,
    primary_lock_epsilon    double precision,
    idempotency_key         text,
    request_hash            text,
    matrix_started_at       timestamptz,
    optimization_started_at timestamptz,
    validation_started_at   timestamptz,
    completed_at            timestamptz,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT optimization_sessions_idempotency_unique UNIQUE (fund_id, idempotency_key),
    CONSTRAINT optimization_sessions_status_check CHECK (status IN
        ('REQUESTED', 'MATRIX_GENERATING', 'OPTIMIZING', 'VALIDATING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    CONSTRAINT optimization_sessions_request_hash_check
        CHECK ((idempotency_key IS NULL) = (request_hash IS NULL)),
    -- The allocation and what the solver said about it are stored together, once optimization finished.
    CONSTRAINT optimization_sessions_allocation_check CHECK (
        (allocation IS NULL) = (solver_metadata IS NULL)
        AND (allocation IS NULL) = (constraint_report IS NULL)
        AND (allocation IS NULL) = (relaxation_log IS NULL)
        AND (allocation IS NULL) = (pass1_e_star IS NULL)
        AND (allocation IS NULL) = (primary_lock_epsilon IS NULL)),
    CONSTRAINT optimization_sessions_allocation_stage_check CHECK (
        (status NOT IN ('VALIDATING', 'COMPLETED') OR allocation IS NOT NULL)
        AND (status NOT IN ('REQUESTED', 'MATRIX_GENERATING', 'OPTIMIZING') OR allocation IS NULL)),
    CONSTRAINT optimization_sessions_validation_check CHECK (
        (status <> 'COMPLETED' OR validation_metrics IS NOT NULL)
        AND (validation_metrics IS NULL OR allocation IS NOT NULL)),
    CONSTRAINT optimization_sessions_completed_at_check
        CHECK ((status IN ('COMPLETED', 'FAILED', 'CANCELLED')) = (completed_at IS NOT NULL)),
    CONSTRAINT optimization_sessions_failed_reason_check CHECK (status <> 'FAILED' OR error_reason IS NOT NULL),
    CONSTRAINT optimization_sessions_matrix_check
        CHECK (status IN ('REQUESTED', 'FAILED', 'CANCELLED') OR matrix_id IS NOT NULL)
);

CREATE TRIGGER optimization_sessions_touch BEFORE UPDATE ON optimization_sessions
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- When a matrix completes, the sessions waiting on it are found through this index.
CREATE INDEX optimization_sessions_waiting_idx ON optimization_sessions (matrix_id)
    WHERE status = 'MATRIX_GENERATING';

CREATE INDEX optimization_sessions_fund_idx ON optimization_sessions (fund_id, created_at);
