-- Calibrations of the stage Markov chain and exit distributions. Immutable once written: a new version is a new row.
CREATE FUNCTION calibration_transition_stats_valid(stats jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS
$$
SELECT jsonb_typeof(stats) = 'object'
    AND stats ?& ARRAY ['Seed', 'SeriesA', 'SeriesB', 'SeriesC']
    AND NOT EXISTS (SELECT 1
                    FROM jsonb_each(stats) AS s(stage, rates)
                    WHERE s.stage NOT IN ('Seed', 'SeriesA', 'SeriesB', 'SeriesC')
                       OR CASE
                              WHEN jsonb_typeof(rates -> 'exitRate') = 'number'
                                  AND jsonb_typeof(rates -> 'graduateRate') = 'number'
                                  AND jsonb_typeof(rates -> 'failureRate') = 'number'
                                  THEN (rates ->> 'exitRate')::numeric NOT BETWEEN 0 AND 1
                                  OR (rates ->> 'graduateRate')::numeric NOT BETWEEN 0 AND 1
                                  OR (rates ->> 'failureRate')::numeric NOT BETWEEN 0 AND 1
                                  OR (rates ->> 'exitRate')::numeric + (rates ->> 'graduateRate')::numeric
                                         + (rates ->> 'failureRate')::numeric > 1
                              ELSE true
                          END)
$$;

CREATE FUNCTION calibration_exit_outcomes_valid(outcomes jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS
$$
SELECT jsonb_typeof(outcomes) = 'object'
    AND outcomes ?& ARRAY ['Seed', 'SeriesA', 'SeriesB', 'SeriesC']
    AND NOT EXISTS (SELECT 1
                    FROM jsonb_each(outcomes) AS o(stage, exit)
                    WHERE o.stage NOT IN ('Seed', 'SeriesA', 'SeriesB', 'SeriesC')
                       OR CASE
                              WHEN jsonb_typeof(exit -> 'medianMOIC') = 'number'
                                  AND jsonb_typeof(exit -> 'p90MOIC') = 'number'
                                  THEN NOT ((exit ->> 'p90MOIC')::numeric > (exit ->> 'medianMOIC')::numeric
                                  AND (exit ->> 'medianMOIC')::numeric > 0)
                              ELSE true
                          END)
$$;

CREATE TABLE calibration_snapshots (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    version            text        NOT NULL,
    fund_id            uuid,
    transition_stats   jsonb       NOT NULL,
    exit_outcomes      jsonb       NOT NULL,
    model_params       jsonb       NOT NULL,
    sample_size        int,
    data_window        text,
    calibration_method text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT calibration_snapshots_version_unique UNIQUE (version),
    CONSTRAINT calibration_snapshots_version_format_check CHECK (version ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    -- Per stage: exitRate, graduateRate, failureRate each in [0, 1], their sum <= 1 (the rest stays a round).
    CONSTRAINT calibration_snapshots_transition_stats_check
        CHECK (COALESCE(calibration_transition_stats_valid(transition_stats), false)),
    -- Per stage: p90MOIC > medianMOIC > 0.
    CONSTRAINT calibration_snapshots_exit_outcomes_check CHECK (COALESCE(calibration_exit_outcomes_valid(exit_outcomes), false)),
    -- COALESCE: a missing key gives NULL, and a CHECK that evaluates to NULL would let the row through.
    CONSTRAINT calibration_snapshots_model_params_check CHECK (COALESCE(
        jsonb_typeof(model_params) = 'object'
        AND jsonb_typeof(model_params -> 'maxMoic') = 'number'
        AND jsonb_typeof(model_params -> 'maxRounds') = 'number'
        AND jsonb_typeof(model_params -> 'regimes') = 'array', false)),
    CONSTRAINT calibration_snapshots_sample_size_check CHECK (sample_size IS NULL OR sample_size >= 0)
);

CREATE INDEX calibration_snapshots_fund_idx ON calibration_snapshots (fund_id, created_at);
