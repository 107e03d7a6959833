-- The shipped benchmark calibration (illustrative; a fund replaces it with its own), so a request that names no
-- calibration works out of the box. Figures from DESIGN section 7.
INSERT INTO calibration_snapshots (version, fund_id, transition_stats, exit_outcomes, model_params, sample_size,
                                   data_window, calibration_method)
VALUES ('industry-benchmark-v1',
        NULL,
        '{"Seed":    {"exitRate": 0.05, "graduateRate": 0.35, "failureRate": 0.25},
          "SeriesA": {"exitRate": 0.08, "graduateRate": 0.40, "failureRate": 0.20},
          "SeriesB": {"exitRate": 0.12, "graduateRate": 0.40, "failureRate": 0.15},
          "SeriesC": {"exitRate": 0.20, "graduateRate": 0.30, "failureRate": 0.12}}',
        '{"Seed":    {"medianMOIC": 2.0, "p90MOIC": 12},
          "SeriesA": {"medianMOIC": 2.5, "p90MOIC": 10},
          "SeriesB": {"medianMOIC": 2.2, "p90MOIC": 7},
          "SeriesC": {"medianMOIC": 2.0, "p90MOIC": 5}}',
        '{"maxMoic": 250, "maxRounds": 8, "regimeImpact": 0.3,
          "regimes": [{"name": "boom", "probability": 0.25, "shockMin": 0.2, "shockMax": 0.5},
                      {"name": "base", "probability": 0.50, "shockMin": -0.1, "shockMax": 0.1},
                      {"name": "recession", "probability": 0.25, "shockMin": -0.5, "shockMax": -0.2}],
          "shockScale": 0.5, "systematicWeight": 0.5, "idiosyncraticWeight": 0.3}',
        NULL,
        NULL,
        'illustrative industry benchmark');
