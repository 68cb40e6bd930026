-- A generated history being written into the store (the built-in simulation's 28 days): what
-- it is (its plan: end, days, seed...), how many of its slices are written, and whether it is
-- done, so a start after an interrupted backfill writes the rest of the same history.
CREATE TABLE history_backfills (
  name         text PRIMARY KEY,
  plan         jsonb NOT NULL,
  slices       integer NOT NULL,
  slices_done  integer NOT NULL DEFAULT 0,
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz
);
