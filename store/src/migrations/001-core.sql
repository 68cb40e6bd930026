-- Core schema: sensors, readings, per-cell rollups, appeals, dead letters.
-- H3 cells are stored as bigint (the 64-bit index); the API shows them as hex strings.

CREATE TABLE sensors (
  id            text PRIMARY KEY,
  kind          text NOT NULL DEFAULT 'unknown',
  name          text,
  lat           double precision,
  lng           double precision,
  cell          bigint,
  metrics       text[] NOT NULL DEFAULT '{}',
  meta          jsonb NOT NULL DEFAULT '{}',
  interval_ms   integer,
  last_seen     timestamptz,
  registered_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE readings (
  sensor_id text NOT NULL,
  metric    text NOT NULL,
  ts        timestamptz NOT NULL,
  value     double precision NOT NULL,
  cell      bigint NOT NULL,
  PRIMARY KEY (sensor_id, metric, ts)
);
CREATE INDEX readings_ts_idx ON readings (ts);

-- One row per (cell at base resolution, metric, bucket width, bucket start).
CREATE TABLE cell_rollups (
  cell    bigint NOT NULL,
  metric  text NOT NULL,
  width_s integer NOT NULL,
  bucket  timestamptz NOT NULL,
  count   bigint NOT NULL,
  sum     double precision NOT NULL,
  min     double precision NOT NULL,
  max     double precision NOT NULL,
  PRIMARY KEY (metric, width_s, bucket, cell)
);

CREATE TABLE appeals (
  id          text PRIMARY KEY,
  category    text NOT NULL,
  status      text NOT NULL DEFAULT 'received',
  channel     text NOT NULL,
  description text,
  lat         double precision,
  lng         double precision,
  cell        bigint,
  address     text,
  received_at timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appeals_received_idx ON appeals (received_at);
CREATE INDEX appeals_cell_idx ON appeals (cell);

CREATE TABLE appeal_events (
  id        bigserial PRIMARY KEY,
  appeal_id text NOT NULL REFERENCES appeals (id) ON DELETE CASCADE,
  ts        timestamptz NOT NULL,
  type      text NOT NULL,
  actor     text,
  note      text,
  data      jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX appeal_events_appeal_idx ON appeal_events (appeal_id, ts);

-- Personal data, kept apart so aggregate queries never touch it.
CREATE TABLE appeal_contacts (
  appeal_id text PRIMARY KEY REFERENCES appeals (id) ON DELETE CASCADE,
  name      text,
  phone     text,
  email     text
);

CREATE TABLE dead_letters (
  id            bigserial PRIMARY KEY,
  topic         text NOT NULL,
  payload       bytea NOT NULL,
  payload_bytes integer NOT NULL,
  reason        text NOT NULL,
  detail        text,
  received_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dead_letters_received_idx ON dead_letters (received_at);
