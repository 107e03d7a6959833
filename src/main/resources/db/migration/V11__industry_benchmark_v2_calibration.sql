-- The shared industry-benchmark-v2 calibration (DESIGN 13): the stage chain, exit multiples and round dynamics set from
-- public data. Every figure below names its source; a derived figure shows its arithmetic; a figure no public source
-- gave says so and states the rule that chose it. docs/model.md ("Defaults and their sources") has the same table.
-- BenchmarkCalibrationV2 (core) mirrors this row and a test holds them equal.
--
-- Sources (all read as stored public pages):
-- [S1] Carta, Peter Walker (Head of Insights), "Startup fundraising cheatsheet", Carta Community, 2025,
--      https://community.carta.com/discussion/startup-fundraising-cheatsheet - medians of 1,466 US tech rounds in
--      Q4 2024, primary priced rounds (no bridges): priced seed post-money $19.2M, $3.7M raised, 20.0% dilution;
--      Series A post-money $58.9M, $12M raised, 20.0% dilution; Series B post-money $129.8M, $20M raised, 15.0%.
-- [S2] Carta, "State of Private Markets: Q4 2024", https://carta.com/data/state-of-private-markets-q4-2024/ - median
--      dilution on Series B rounds 15% in Q4 2024 (agrees with S1).
-- [S3] Carta, Kevin Dowd, "As VC valuation step-up multiples shrink, startups feel the squeeze", 15 March 2023,
--      https://carta.com/blog/valuation-step-up-multiples-q4-2022/ - Q4 2022 median Series C valuation 1.85x the
--      median Series B (Q4 2021: 2.39x); Series A to B 2.23x.
-- [S4] Carta Data, time between VC rounds (2024), https://carta.com/data/time-between-VC-rounds-2024/ - among startups
--      raising a Series A in Q4 2024, the median interval since the seed round was 774 days.
-- [S5] Carta, Kevin Dowd, "Startup round sizes got bigger at most stages in Q1", 17 April 2024,
--      https://carta.com/sg/en/data/round-sizes-q1-2024/ - median time between a Series A and a Series B: 784 days
--      in Q4 2023.
-- [S6] Carta, "State of Seed" (Winter 2025), as summarized in "Seed Funding Reality: 10 Key Insights from 50,000
--      Startups, Carta Data", realestate.news,
--      https://realestate.news/news/seed-funding-reality-10-key-insights-from-50000-startups-carta-data-34707 - seed to
--      Series A: median 2.1 years, 75th percentile 1,251 days; seed valuation: median $20M, 25th percentile $13.8M.
-- [S7] CB Insights, "The Venture Capital Funnel", https://www.cbinsights.com/blog/venture-capital-funnel-2/ - 1,098 US
--      tech companies with a first seed round in 2008-2010, followed to 28 February 2017: 46% raised a second round,
--      14% a fourth. Its per-round shares as summarized in "A venture capital playbook over time", Brio Financial,
--      http://briofinancial.com/a-venture-capital-playbook-over-time/ : 46% raised a Series A, 28% a B, 14% a C,
--      6% a D; 28% reached an M&A exit. Its stall ("failure") shares as read from CB's table in Kostakis Bouzoukas,
--      "The Venture Capital Funnel", Medium, 8 March 2018, https://medium.com/@kobu/the-venture-capital-funnel-ca717af03be8
--      : 40% of seed companies neither exited nor raised again; 23.6% and 31.6% at the next two rounds.
-- [S8] Correlation Ventures, outcomes of 21,000+ US venture financings 2004-2013 (2014), as reported in Seth Levine,
--      "Venture Outcomes are Even More Skewed Than You Think", 12 August 2014,
--      http://www.sethlevine.com/archives/2014/08/venture-outcomes-are-even-more-skewed-than-you-think.html (65% below
--      1x, 10% at 5x or more, 4% at 10x or more) and "Frequency of home runs", A Learning a Day, 29 November 2020,
--      https://alearningaday.blog/2020/11/29/frequency-of-home-runs/ (25% 1-5x, 6% 5-10x, 2.5% 10-20x, 1.5% 20x+).
-- [S9] Carta chart "Equity sold in each VC round" (2,005 US software startups, 2025), as reported in "Startup Equity &
--      Dilution: What's Normal in 2025?", serebrisky.com, 10 December 2025,
--      https://serebrisky.com/2025/12/10/startup-equity-dilution-whats-normal-in-2025 - median dilution Seed 19.5%,
--      Series A 18.0%, Series B 14.0%, Series C 10.0%.
--
-- Lognormal P90s from a published 75th/25th percentile: sigma = ln(p75 / median) / 0.674490 (z of 0.75), then
-- p90 = median * exp(1.281552 * sigma) (z of 0.90).
INSERT INTO calibration_snapshots (version, fund_id, transition_stats, exit_outcomes, round_dynamics, model_params,
                                   sample_size, data_window, calibration_method)
VALUES ('industry-benchmark-v2',
        NULL,
        -- Per-round rates = each stage's shares of its companies' eventual outcomes, from the S7 cohort (no "stay":
        -- the time a company spends at a stage is yearsToNextRound below). Graduating from Series C counts as an exit
        -- at C (DESIGN 7).
        jsonb_build_object(
            'Seed', jsonb_build_object(
                'graduateRate', 0.46,   -- S7: 46% of seed companies raised a second round.
                'failureRate', 0.40,    -- S7 (Bouzoukas' reading of CB's table): 40% neither exited nor raised.
                'exitRate', 0.14),      -- Derived: 1 - 0.46 - 0.40 = 0.14 exited after the seed round.
            'SeriesA', jsonb_build_object(
                'graduateRate', 0.609,  -- Derived from S7: 28% raised a B of the 46% with an A: 28 / 46 = 0.609.
                'failureRate', 0.236,   -- S7 (Bouzoukas): 23.6% stalled at the second round.
                'exitRate', 0.155),     -- Derived: 1 - 0.609 - 0.236 = 0.155.
            'SeriesB', jsonb_build_object(
                'graduateRate', 0.50,   -- Derived from S7: 14% raised a C of the 28% with a B: 14 / 28 = 0.50.
                'failureRate', 0.316,   -- S7 (Bouzoukas): 31.6% stalled at the third round.
                'exitRate', 0.184),     -- Derived: 1 - 0.50 - 0.316 = 0.184.
            'SeriesC', jsonb_build_object(
                'graduateRate', 0.429,  -- Derived from S7: 6% raised a D of the 14% with a C: 6 / 14 = 0.429.
                -- No public stall share at Series C was found. Rule: every S7 exit not placed at an earlier stage is
                -- placed here. Of 100 seed companies 28 exited (S7); Seed 14, A 46 * 0.155 = 7.13, B 28 * 0.184 = 5.15
                -- leave 28 - 14 - 7.13 - 5.15 = 1.72 exits of the 14 Series C companies: 1.72 / 14 = 0.123.
                'exitRate', 0.123,
                'failureRate', 0.448)), -- The rest: 1 - 0.429 - 0.123 = 0.448.
        -- Exit multiple, read by round_by_round_v1 as exit value over the last post-money (DESIGN 13). No public source
        -- of that multiple by stage was found. Rule: the S8 distribution of realized multiples per financing, taken
        -- conditional on returning at least 1x (35% of financings) as the law of an exit, the same at every stage,
        -- interpolated log-linearly within S8's buckets:
        --   conditional CDF at 5x = 25 / 35 = 0.714, at 10x = 31 / 35 = 0.886, at 20x = 33.5 / 35 = 0.957;
        --   median: 0.5 / 0.714 = 0.70 of the way through [1x, 5x]: 5^0.70 = 3.09;
        --   p90: (0.9 - 0.886) / (0.957 - 0.886) = 0.20 of the way through [10x, 20x]: 10 * 2^0.20 = 11.49.
        jsonb_build_object(
            'Seed', jsonb_build_object('medianMOIC', 3.09, 'p90MOIC', 11.49),
            'SeriesA', jsonb_build_object('medianMOIC', 3.09, 'p90MOIC', 11.49),
            'SeriesB', jsonb_build_object('medianMOIC', 3.09, 'p90MOIC', 11.49),
            'SeriesC', jsonb_build_object('medianMOIC', 3.09, 'p90MOIC', 11.49)),
        -- Round dynamics. yearsToNextRound P90s use the spread of S6's seed-to-A interval: sigma =
        -- ln(1251 / (2.1 * 365.25)) / 0.674490 = ln(1.6310) / 0.674490 = 0.7253; p90 / median = exp(1.281552 * 0.7253)
        -- = 2.5331. No public P90 of step-ups was found. Rule: step-ups get the spread of S6's seed valuations: sigma =
        -- ln(20 / 13.8) / 0.674490 = 0.5501; p90 / median = exp(1.281552 * 0.5501) = 2.024.
        jsonb_build_object(
            'Seed', jsonb_build_object(
                -- S4: 774 days / 365.25 = 2.12 years; p90 2.12 * 2.5331 = 5.37.
                'yearsToNextRound', jsonb_build_object('median', 2.12, 'p90', 5.37),
                -- The first stage has no round into it: a fixed step-up of 1 and no dilution (DESIGN 13).
                'stepUp', jsonb_build_object('median', 1, 'p90', 1),
                'dilution', 0,
                'entryPostMoney', 19200000),    -- S1: priced seed median post-money $19.2M (Q4 2024).
            'SeriesA', jsonb_build_object(
                -- S5: 784 days / 365.25 = 2.15 years (Q4 2023); p90 2.15 * 2.5331 = 5.45.
                'yearsToNextRound', jsonb_build_object('median', 2.15, 'p90', 5.45),
                -- Derived from S1: median A post / median seed post = 58.9 / 19.2 = 3.07; p90 3.07 * 2.024 = 6.21.
                'stepUp', jsonb_build_object('median', 3.07, 'p90', 6.21),
                'dilution', 0.20,               -- S1: Series A median dilution 20.0% (Q4 2024).
                'entryPostMoney', 58900000),    -- S1: Series A median post-money $58.9M (Q4 2024).
            'SeriesB', jsonb_build_object(
                -- No public median time from Series B to the next round was found. Rule: Series A's (S5), 2.15 / 5.45.
                'yearsToNextRound', jsonb_build_object('median', 2.15, 'p90', 5.45),
                -- Derived from S1: 129.8 / 58.9 = 2.20 (S3: 2.23 in Q4 2022); p90 2.20 * 2.024 = 4.45.
                'stepUp', jsonb_build_object('median', 2.20, 'p90', 4.45),
                'dilution', 0.15,               -- S1 and S2: Series B median dilution 15% (Q4 2024).
                'entryPostMoney', 129800000),   -- S1: Series B median post-money $129.8M (Q4 2024).
            'SeriesC', jsonb_build_object(
                -- No public median time from Series C to the next round was found. Rule: Series A's (S5), 2.15 / 5.45.
                'yearsToNextRound', jsonb_build_object('median', 2.15, 'p90', 5.45),
                -- S3: median Series C valuation 1.85x the median Series B (Q4 2022); p90 1.85 * 2.024 = 3.74.
                'stepUp', jsonb_build_object('median', 1.85, 'p90', 3.74),
                'dilution', 0.10,               -- S9: Series C median dilution 10.0% (2025).
                -- S1 gives no Series C; derived: S1's Series B post-money times S3's C/B step-up: 129.8 * 1.85 = 240.13.
                'entryPostMoney', 240130000)),
        -- Model parameters are settings of the scenario model, not market data, and no public source sets them: kept
        -- at industry-benchmark-v1's (V6), so the two benchmarks differ only in the sourced figures above.
        '{"maxMoic": 250, "maxRounds": 8, "regimeImpact": 0.3,
          "regimes": [{"name": "boom", "probability": 0.25, "shockMin": 0.2, "shockMax": 0.5},
                      {"name": "base", "probability": 0.50, "shockMin": -0.1, "shockMax": 0.1},
                      {"name": "recession", "probability": 0.25, "shockMin": -0.5, "shockMax": -0.2}],
          "shockScale": 0.5, "systematicWeight": 0.5, "idiosyncraticWeight": 0.3}',
        NULL,
        'CB Insights 2008-2017 seed cohort; Correlation Ventures 2004-2013 financings; Carta Q4 2022 to 2025',
        'public sources, each figure named in migration V11 and docs/model.md');
