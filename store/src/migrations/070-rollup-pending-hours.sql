-- Writers of readings add only to the 5-minute rollup tier and mark each (metric, hour) they
-- touched here, in the same transaction; the hour and day tiers are derived from the 5-minute
-- tier afterwards (store/src/db/rollup-settle.ts), and the hours still marked are read from the
-- 5-minute tier (store/src/db/pending-hours.ts), so every read stays exact.
-- marked_at is rewritten on every mark: the row lock that takes makes a derivation that claims
-- the hour wait for, or skip, a writer still in flight.
CREATE TABLE rollup_pending_hours (
  metric    text NOT NULL,
  hour      timestamptz NOT NULL,
  marked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (metric, hour)
);
