-- Nothing reads readings by time alone: the map reads cell_rollups, and every
-- lookup of raw readings goes through the (sensor_id, metric, ts) primary key.
-- The extra index cost about a quarter of the COPY time on every batch.
-- (On TimescaleDB the hypertable keeps its own time index for chunk management.)
DROP INDEX IF EXISTS readings_ts_idx;
