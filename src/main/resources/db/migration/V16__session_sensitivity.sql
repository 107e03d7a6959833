-- DESIGN 16: what each limit in force costs, solved once with the optimization: per limit, the loosened value, the
-- expected multiple it buys and whether that is proven. NULL for sessions stored before.
ALTER TABLE optimization_sessions ADD COLUMN sensitivity jsonb;
