import type { Db, Queryable } from '../backends/db';

/**
 * (metric, hour) pairs claimed per transaction: small, so that on the embedded
 * database (one thread for SQL and HTTP) the queries queued meanwhile run
 * between two transactions instead of waiting behind a long one.
 */
const CLAIM_LIMIT = 100;

// Takes the marks that no writer holds (a writer still in flight keeps its mark, so its hour is
// derived again next time) and that no writer renewed for $2 seconds. Its own statement: the derivations after it take a newer snapshot,
// which holds every writer that committed a mark taken here.
const CLAIM = `
DELETE FROM rollup_pending_hours AS p
USING (
  SELECT metric, hour FROM rollup_pending_hours WHERE marked_at <= now() - make_interval(secs => $2)
  ORDER BY metric, hour LIMIT $1 FOR UPDATE SKIP LOCKED
) AS c
WHERE p.metric = c.metric AND p.hour = c.hour
RETURNING p.metric, (extract(epoch FROM p.hour))::float8 AS "hourS"`;

// A coarser bucket is the sum of its finer ones: the hour of its 5-minute buckets, the day of
// its hours. Rows are replaced, not added to, so deriving twice is harmless.
const derive = (coarseS: number, fineS: number) => `
WITH claimed AS (
  SELECT DISTINCT metric, to_timestamp(floor(hour_s / ${coarseS}) * ${coarseS}) AS bucket
  FROM unnest($1::text[], $2::float8[]) AS c (metric, hour_s)
)
INSERT INTO cell_rollups AS r (cell, metric, width_s, bucket, count, sum, min, max)
SELECT f.cell, f.metric, ${coarseS}, c.bucket, sum(f.count), sum(f.sum), min(f.min), max(f.max)
FROM claimed c JOIN cell_rollups f ON f.metric = c.metric AND f.width_s = ${fineS}
  AND f.bucket >= c.bucket AND f.bucket < c.bucket + make_interval(secs => ${coarseS})
GROUP BY f.metric, c.bucket, f.cell ORDER BY f.metric, c.bucket, f.cell
ON CONFLICT (metric, width_s, bucket, cell) DO UPDATE SET
  count = excluded.count, sum = excluded.sum, min = excluded.min, max = excluded.max`;

const DERIVE_HOURS = derive(3600, 300);
const DERIVE_DAYS = derive(86400, 3600);

async function settleClaim(tx: Queryable, quietS: number): Promise<number> {
  const claimed = await tx.query<{ metric: string; hourS: number }>(CLAIM, [CLAIM_LIMIT, quietS]);
  if (claimed.length === 0) return 0;
  const params = [claimed.map((row) => row.metric), claimed.map((row) => row.hourS)];
  await tx.query(DERIVE_HOURS, params);
  await tx.query(DERIVE_DAYS, params);
  return claimed.length;
}

/**
 * Derives the hour and day rollups of every hour a writer marked pending
 * (readings add only to the 5-minute tier, see `insertReadingsBatch`): each
 * hour from its 5-minute buckets, then each day from its hours, in
 * transactions of up to 100 (metric, hour) marks, each removing the marks
 * it derived. Safe beside writers and other settlers: an hour a writer marks
 * again while it is derived stays marked. With `quietMs`, only hours no
 * writer marked for that long: an hour still receiving readings (the current
 * one, under live ingest) is derived once it goes quiet rather than again and
 * again; readers take it from the 5-minute tier meanwhile. Returns the marks
 * settled.
 * @example await settleRollups(db) // 3
 */
export async function settleRollups(db: Db, quietMs = 0): Promise<number> {
  let settled = 0;
  for (;;) {
    const claimed = await db.transaction((tx) => settleClaim(tx, quietMs / 1000));
    settled += claimed;
    if (claimed < CLAIM_LIMIT) return settled;
  }
}

/** Marks not settled yet (tests, health). */
export async function countPendingHours(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM rollup_pending_hours');
  return row?.n ?? 0;
}
