-- DESIGN 14: a completed round-by-round session keeps its allocation's fund economics on the optimizer's scenarios
-- (net TVPI, IRR, DPI, J-curve); the out-of-sample ones are part of validation_metrics. NULL for the one-period model
-- and uploaded matrices, which have no cash flows, and for sessions stored before.
ALTER TABLE optimization_sessions ADD COLUMN fund_metrics jsonb;
