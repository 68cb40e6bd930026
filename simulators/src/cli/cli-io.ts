import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a command writes: stdout for results and progress, stderr for errors. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

/** A bad command line: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** The repository root (three levels above this file). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The team data folder beside the repository (`../shared/data`). */
export const SHARED_DATA_DIR = resolve(REPO_ROOT, '../shared/data');

/**
 * Resolves a path the user typed against the directory they ran `pnpm twin`
 * from: pnpm runs the script inside simulators/ but records the caller's
 * directory in INIT_CWD.
 */
export function userPath(path: string, env: Record<string, string | undefined> = process.env): string {
  return isAbsolute(path) ? path : resolve(env['INIT_CWD'] ?? process.cwd(), path);
}

/** Resolves a default data path (relative to the team data folder). */
export function dataPath(relative: string): string {
  return resolve(SHARED_DATA_DIR, relative);
}
