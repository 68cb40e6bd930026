import type { Db } from '../backends/db';

/**
 * Refreshes the planner's statistics and the visibility map after a bulk
 * load (what autovacuum does a little later on its own), so timings taken
 * right after loading reflect a settled database.
 */
export async function vacuumAnalyze(db: Db): Promise<void> {
  await db.exec('VACUUM ANALYZE');
}
