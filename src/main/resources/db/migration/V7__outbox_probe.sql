-- A 'probe' job does nothing but record one effect: operators use it to check that workers drain the outbox, and the
-- crash test and drain benchmark count its effects. The UNIQUE key makes a second effect of one job an error.
ALTER TABLE job_outbox DROP CONSTRAINT job_outbox_job_type_check;
ALTER TABLE job_outbox ADD CONSTRAINT job_outbox_job_type_check
    CHECK (job_type IN ('matrix_generation', 'optimization', 'validation', 'probe'));

CREATE TABLE outbox_probe_effects (
    idempotency_key text        PRIMARY KEY,
    attempt         int         NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now()
);

-- Handlers read named fields from the payload; anything but an object is a producer bug, refused at insert.
ALTER TABLE job_outbox ADD CONSTRAINT job_outbox_payload_object_check CHECK (jsonb_typeof(payload) = 'object');
