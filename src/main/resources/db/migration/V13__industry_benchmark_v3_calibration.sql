-- The shared industry-benchmark-v3 calibration: what round_by_round_v1 requests use by default. It is
-- industry-benchmark-v2 (V11) in every figure but the exit multiple, with the same sources.
--
-- Why: V11 took the distribution of realized multiples per financing [S8] as the law of exit value over the last
-- post-money. But a realized multiple already holds the step-ups of every round after the investment, and the
-- round-by-round model applies those step-ups itself, so v2 counts them twice: a Seed deal without follow-on returned
-- 8.2x on average (2.9x with v3), and an equal-weight fund of three buckets lost money in about 1 % of scenarios.
--
-- The multiple of the last post-money at exit, the same at every stage: no public figure of it by stage was found.
-- Rule: the lognormal-median / P90 pair that makes the model's own deal multiple (one deal, no reserve, entry at Seed
-- and at Series A in equal parts, every other figure v2's, 20,000 scenarios each) reproduce S8's shares:
-- 65 % of financings below 1x, 10 % at 5x or more, 4 % at 10x or more.
--   [S8] Correlation Ventures, outcomes of 21,000+ US venture financings 2004-2013 (2014), as reported in Seth Levine,
--        "Venture Outcomes are Even More Skewed Than You Think", 12 August 2014,
--        http://www.sethlevine.com/archives/2014/08/venture-outcomes-are-even-more-skewed-than-you-think.html
-- Fit (python3 bench/fit_exit_multiple.py --fund 3.09,11.49 1,3 1,2.5 0.9,2.8 1.1,2.6 against the service,
-- 2026-12-07), median / p90: shares below 1x, at 5x or more, at 10x or more (squared error against S8):
--   3.09 / 11.49 (v2): 0.556, 0.214, 0.123 (2.9e-2)
--   1.00 / 3.00:       0.642, 0.100, 0.045 (9.0e-5)   <- chosen
--   1.00 / 2.50:       0.639, 0.096, 0.040 (1.3e-4)
--   0.90 / 2.80:       0.658, 0.097, 0.042 (6.9e-5)
--   1.10 / 2.60:       0.625, 0.100, 0.043 (6.3e-4)
-- 1.0 / 3.0 and 0.9 / 2.8 fit equally well within the sampling error of 40,000 deals (about 0.01 on the first share);
-- the round pair is kept, every share within 0.01 of its target.
-- With it the equal-weight fund of docs/model.md returns 1.89x gross on average and loses money in 15.0 % of
-- scenarios (v2: 4.90x and 1.1 %).
INSERT INTO calibration_snapshots (version, fund_id, transition_stats, exit_outcomes, round_dynamics, model_params,
                                   sample_size, data_window, calibration_method)
SELECT 'industry-benchmark-v3',
       NULL,
       transition_stats,
       jsonb_build_object(
           'Seed', jsonb_build_object('medianMOIC', 1.0, 'p90MOIC', 3.0),
           'SeriesA', jsonb_build_object('medianMOIC', 1.0, 'p90MOIC', 3.0),
           'SeriesB', jsonb_build_object('medianMOIC', 1.0, 'p90MOIC', 3.0),
           'SeriesC', jsonb_build_object('medianMOIC', 1.0, 'p90MOIC', 3.0)),
       round_dynamics,
       model_params,
       sample_size,
       data_window,
       'industry-benchmark-v2 with the exit multiple fitted to S8 (migration V13 and docs/model.md)'
FROM calibration_snapshots
WHERE version = 'industry-benchmark-v2' AND fund_id IS NULL;
