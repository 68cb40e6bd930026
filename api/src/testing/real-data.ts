import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { REPO_ROOT } from '../config/config';

/**
 * The folder of real public data that tests and benchmarks read (air-quality
 * recordings, NYC 311 files, the boundary originals): `REAL_DATA_DIR`, else
 * `../shared/data` beside the repository. The product itself never reads it.
 */
export function realDataDir(env: Record<string, string | undefined> = process.env): string {
  const given = env['REAL_DATA_DIR'];
  if (given) return isAbsolute(given) ? given : resolve(REPO_ROOT, given);
  return resolve(REPO_ROOT, '../shared/data');
}

/**
 * A file or folder of the real data, e.g. `realDataPath('nyc/311/nyc311_redhook_2016_as10724.csv')`.
 *
 * @throws Error in one line naming the missing path and how to point at the data.
 */
export function realDataPath(relativePath: string): string {
  const path = resolve(realDataDir(), relativePath);
  if (!existsSync(path)) throw new Error(`real data missing: ${path} (the tests read public recordings from ../shared/data beside the repository; set REAL_DATA_DIR to another copy)`);
  return path;
}
