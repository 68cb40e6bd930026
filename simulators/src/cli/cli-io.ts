import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';

/** Where a command writes: stdout for results and progress, stderr for errors. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

/** A bad command line: printed as one line, exit code 2. */
export class UsageError extends Error {}

/**
 * Resolves a path the user typed against the directory they ran `pnpm twin`
 * from: pnpm runs the script inside simulators/ but records the caller's
 * directory in INIT_CWD.
 */
export function userPath(path: string, env: Record<string, string | undefined> = process.env): string {
  return isAbsolute(path) ? path : resolve(env['INIT_CWD'] ?? process.cwd(), path);
}

/**
 * Reads a recorded-data file the user pointed at. A missing or unreadable one
 * is a UsageError in one line: the path, what that file is and where such data comes from.
 *
 * @example await readDataFile('/data/stations.csv', "Beijing's monitoring stations (stations.csv); pass --stations <file>")
 */
export async function readDataFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)}); expected ${what}`);
  }
}
