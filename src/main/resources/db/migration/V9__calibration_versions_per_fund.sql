-- Calibration versions are per fund: each fund names its versions freely, so fund B creating 'v1' never collides with
-- (or learns of) fund A's 'v1' (DESIGN 10, Access). The shared snapshots (fund_id NULL: the shipped benchmarks) keep
-- one namespace of their own; the service refuses a fund version that repeats a shared one, whose names are public.
ALTER TABLE calibration_snapshots DROP CONSTRAINT calibration_snapshots_version_unique;
ALTER TABLE calibration_snapshots ADD CONSTRAINT calibration_snapshots_fund_version_unique UNIQUE (fund_id, version);
-- UNIQUE treats NULLs as distinct, so the shared snapshots need their own index.
CREATE UNIQUE INDEX calibration_snapshots_shared_version_unique ON calibration_snapshots (version) WHERE fund_id IS NULL;
