-- DESIGN 16, plans a fund can keep: a session may carry a name (the service trims it; 1-120 characters), and a fund
-- lists its sessions newest first, a page at a time.
ALTER TABLE optimization_sessions ADD COLUMN name text;

ALTER TABLE optimization_sessions ADD CONSTRAINT optimization_sessions_name_check
    CHECK (name IS NULL OR char_length(name) BETWEEN 1 AND 120);

-- The listing's keyset: WHERE fund_id = $1 AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC reads
-- this index backwards and stops at LIMIT. It covers what optimization_sessions_fund_idx (fund_id, created_at) did.
CREATE INDEX optimization_sessions_fund_keyset_idx ON optimization_sessions (fund_id, created_at, id);
DROP INDEX optimization_sessions_fund_idx;

-- Housekeeping keeps every matrix a session references: its NOT EXISTS probe, and the foreign key's own check when a
-- matrix row is deleted, look sessions up by matrix_id (the partial waiting index covers MATRIX_GENERATING only).
CREATE INDEX optimization_sessions_matrix_idx ON optimization_sessions (matrix_id);
