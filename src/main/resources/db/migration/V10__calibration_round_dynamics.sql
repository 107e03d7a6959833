-- Calibration v2 fields (DESIGN 13): per stage, years to the next round, the step-up and dilution of the round into the
-- stage, and the usual entry post-money. Nullable: snapshots stored without them (every one before this migration)
-- fall back to industry-benchmark-v2's. The service stores them complete (Seed's omitted step-up and dilution as 1 and
-- 0), so the check asks for every key of every stage. Bounds are the API's (CalibrationRules, StageRoundDynamics).
CREATE FUNCTION calibration_lognormal_law_valid(law jsonb, max_median numeric, max_p90 numeric) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS
$$
SELECT CASE
           WHEN jsonb_typeof(law -> 'median') = 'number' AND jsonb_typeof(law -> 'p90') = 'number'
               THEN (law ->> 'median')::numeric > 0
               AND (law ->> 'p90')::numeric >= (law ->> 'median')::numeric
               AND (law ->> 'median')::numeric <= max_median
               AND (law ->> 'p90')::numeric <= max_p90
           ELSE false
       END
$$;

CREATE FUNCTION calibration_round_dynamics_valid(dynamics jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS
$$
SELECT jsonb_typeof(dynamics) = 'object'
    AND dynamics ?& ARRAY ['Seed', 'SeriesA', 'SeriesB', 'SeriesC']
    AND NOT EXISTS (SELECT 1
                    FROM jsonb_each(dynamics) AS d(stage, rounds)
                    WHERE d.stage NOT IN ('Seed', 'SeriesA', 'SeriesB', 'SeriesC')
                       OR CASE
                              WHEN jsonb_typeof(rounds) = 'object'
                                  AND jsonb_typeof(rounds -> 'dilution') = 'number'
                                  AND jsonb_typeof(rounds -> 'entryPostMoney') = 'number'
                                  THEN NOT (calibration_lognormal_law_valid(rounds -> 'yearsToNextRound', 20, 50)
                                  AND calibration_lognormal_law_valid(rounds -> 'stepUp', 100, 100)
                                  AND (rounds ->> 'dilution')::numeric BETWEEN 0 AND 0.9
                                  AND (rounds ->> 'entryPostMoney')::numeric > 0
                                  AND (rounds ->> 'entryPostMoney')::numeric <= 1e12)
                              ELSE true
                          END)
$$;

ALTER TABLE calibration_snapshots ADD COLUMN round_dynamics jsonb;
-- COALESCE as in V5: a missing key gives NULL, and a CHECK that evaluates to NULL would let the row through.
ALTER TABLE calibration_snapshots ADD CONSTRAINT calibration_snapshots_round_dynamics_check
    CHECK (round_dynamics IS NULL OR COALESCE(calibration_round_dynamics_valid(round_dynamics), false));
