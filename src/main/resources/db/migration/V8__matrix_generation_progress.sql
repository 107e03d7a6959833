-- Share of a generating matrix's scenarios done, reported by the worker that generates it.
ALTER TABLE scenario_matrices ADD COLUMN generation_progress double precision;
ALTER TABLE scenario_matrices ADD CONSTRAINT scenario_matrices_progress_check
    CHECK (generation_progress IS NULL OR (generation_progress >= 0 AND generation_progress <= 1));
