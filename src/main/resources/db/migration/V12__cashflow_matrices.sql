-- round_by_round_v1 (DESIGN 13) stores a second matrix beside the MOIC one: cash flows per allocated dollar by year,
-- float32 [row][scenario][year] with the NAV at the horizon as the last year, compressed by the same codecs.
-- three_component_v1 and uploaded matrices have none: every cash-flow column stays NULL for them, as for stored rows.
ALTER TABLE scenario_matrices
    ADD COLUMN cashflow_matrix     bytea,
    ADD COLUMN cashflow_codec      text,
    ADD COLUMN cashflow_raw_bytes  bigint,
    ADD COLUMN year_count          int;

ALTER TABLE scenario_matrices
    ADD CONSTRAINT scenario_matrices_cashflow_together_check CHECK (
        (cashflow_matrix IS NULL) = (cashflow_codec IS NULL)
        AND (cashflow_matrix IS NULL) = (cashflow_raw_bytes IS NULL)
        AND (cashflow_matrix IS NULL) = (year_count IS NULL)),
    ADD CONSTRAINT scenario_matrices_cashflow_size_check CHECK (
        year_count IS NULL
        OR (year_count >= 2 AND cashflow_raw_bytes = 4::bigint * bucket_count * s_opt * year_count)),
    -- a complete round-by-round matrix always has its cash flows
    ADD CONSTRAINT scenario_matrices_cashflow_model_check CHECK (
        status <> 'complete' OR sim_model_version <> 'round_by_round_v1' OR cashflow_matrix IS NOT NULL);
