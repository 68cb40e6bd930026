-- Early-warning alerts: a cell whose hourly (or 5-minute) value left its hour-of-week baseline.
CREATE TABLE alerts (
  id                 bigserial PRIMARY KEY,
  layer              text NOT NULL CHECK (layer IN ('physical', 'human')),
  -- A metric code (physical) or a first-level appeal category (human).
  metric             text,
  category           text,
  cell               bigint NOT NULL,
  bucket_s           integer NOT NULL,
  status             text NOT NULL CHECK (status IN ('open', 'closed')),
  opened_at          timestamptz NOT NULL,
  closed_at          timestamptz,
  last_abnormal_at   timestamptz NOT NULL,
  peak_value         double precision NOT NULL,
  peak_z             double precision NOT NULL,
  peak_at            timestamptz NOT NULL,
  baseline_median    double precision NOT NULL,
  baseline_mad       double precision NOT NULL,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((layer = 'physical') = (metric IS NOT NULL) AND (layer = 'human') = (category IS NOT NULL))
);
CREATE INDEX alerts_opened_idx ON alerts (opened_at);
CREATE INDEX alerts_cell_idx ON alerts (layer, cell, opened_at);
CREATE UNIQUE INDEX alerts_one_open_idx ON alerts (layer, COALESCE(metric, category), cell, bucket_s) WHERE status = 'open';

-- How far the alert job has evaluated, per bucket width: the start of the newest bucket it saw data in.
CREATE TABLE alert_watermarks (
  bucket_s     integer PRIMARY KEY,
  evaluated_to timestamptz NOT NULL
);
