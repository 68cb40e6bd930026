-- A daily tier joins the 5-minute and 1-hour rollups in cell_rollups (width_s = 86400, UTC days),
-- so long windows read one row per cell and day. Written by the same statements as the other
-- tiers (store/src/db/readings.ts); here it is backfilled from the hourly tier, which nests in it.
INSERT INTO cell_rollups (cell, metric, width_s, bucket, count, sum, min, max)
SELECT cell, metric, 86400, to_timestamp(floor(extract(epoch FROM bucket) / 86400) * 86400), sum(count), sum(sum), min(min), max(max)
FROM cell_rollups WHERE width_s = 3600
GROUP BY cell, metric, to_timestamp(floor(extract(epoch FROM bucket) / 86400) * 86400)
ON CONFLICT (metric, width_s, bucket, cell) DO NOTHING;

-- The base cells that had any reading (of any metric) or any located appeal on a UTC day:
-- the study area of the human layer is read from here (store/src/db/study-area.ts).
CREATE TABLE active_cell_days (
  bucket timestamptz NOT NULL,
  cell   bigint NOT NULL,
  PRIMARY KEY (bucket, cell)
);

INSERT INTO active_cell_days (bucket, cell)
SELECT DISTINCT bucket, cell FROM cell_rollups WHERE width_s = 86400
UNION
SELECT DISTINCT to_timestamp(floor(extract(epoch FROM received_at) / 86400) * 86400), cell FROM appeals WHERE cell IS NOT NULL
ON CONFLICT DO NOTHING;

-- Every way an appeal is stored (created, imported, Open311) marks its cell and day active.
CREATE FUNCTION mark_appeal_cells_active() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO active_cell_days (bucket, cell)
  SELECT DISTINCT to_timestamp(floor(extract(epoch FROM received_at) / 86400) * 86400) AS bucket, cell
  FROM stored_appeals WHERE cell IS NOT NULL ORDER BY bucket, cell
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER appeals_mark_cells_active AFTER INSERT ON appeals
  REFERENCING NEW TABLE AS stored_appeals FOR EACH STATEMENT EXECUTE FUNCTION mark_appeal_cells_active();
