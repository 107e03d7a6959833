-- Transactional outbox: every unit of asynchronous work, inserted in the transaction of the change that creates it.
CREATE TABLE job_outbox (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    idempotency_key text        NOT NULL,
    job_type        text        NOT NULL,
    payload         jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'pending',
    priority        int         NOT NULL DEFAULT 0,
    attempts        int         NOT NULL DEFAULT 0,
    max_attempts    int         NOT NULL DEFAULT 3,
    next_run_at     timestamptz NOT NULL DEFAULT now(),
    processing_at   timestamptz,
    completed_at    timestamptz,
    error_reason    text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT job_outbox_idempotency_key_unique UNIQUE (idempotency_key),
    CONSTRAINT job_outbox_job_type_check
        CHECK (job_type IN ('matrix_generation', 'optimization', 'validation')),
    CONSTRAINT job_outbox_status_check
        CHECK (status IN ('pending', 'processing', 'completed', 'failed', 'cancelled')),
    CONSTRAINT job_outbox_attempts_check CHECK (attempts >= 0 AND attempts <= max_attempts),
    CONSTRAINT job_outbox_max_attempts_check CHECK (max_attempts >= 1),
    -- The lease (heartbeat) exists exactly while a worker holds the job.
    CONSTRAINT job_outbox_lease_check CHECK ((status = 'processing') = (processing_at IS NOT NULL)),
    CONSTRAINT job_outbox_completed_at_check
        CHECK ((status IN ('completed', 'failed', 'cancelled')) = (completed_at IS NOT NULL)),
    CONSTRAINT job_outbox_failed_reason_check CHECK (status <> 'failed' OR error_reason IS NOT NULL)
);

CREATE TRIGGER job_outbox_touch BEFORE UPDATE ON job_outbox
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- The claim query orders by exactly these columns over pending rows, so it reads the index in order and stops at
-- LIMIT. No now() in the predicate: index predicates must be immutable.
CREATE INDEX job_outbox_claim_idx ON job_outbox (priority DESC, next_run_at, created_at)
    WHERE status = 'pending';

-- The reaper looks for expired leases.
CREATE INDEX job_outbox_stuck_idx ON job_outbox (processing_at)
    WHERE status = 'processing';

-- Clean-up of finished rows by age.
CREATE INDEX job_outbox_finished_idx ON job_outbox (created_at)
    WHERE status IN ('completed', 'failed', 'cancelled');
