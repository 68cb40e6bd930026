import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, loadConfig } from '@citytwin/api';
import { realDataPath } from '@citytwin/api/testing';
import { runImportAppeals } from '@citytwin/simulators';
import { openTestStore } from '@citytwin/store/testing';
import type { Store } from '@citytwin/store';

const REDHOOK = realDataPath('nyc/311/nyc311_redhook_2016_as10724.csv');

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return { stream: new Writable({ write(chunk: Buffer, _encoding, done) { chunks.push(chunk.toString()); done(); } }), text: () => chunks.join('') };
}

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = capture();
  const stderr = capture();
  const code = await runImportAppeals(argv, { stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('pnpm twin import-appeals', () => {
  let store: Store;
  let api: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    // The key must come from the command line in these tests, not from the developer's shell.
    delete process.env['CITYTWIN_API_KEY'];
    store = await openTestStore('postgres');
    const app = await buildApp({
      store, config: loadConfig({ CITY: 'nyc', API_KEYS: 'cli-admin=admin', SIMULATE: 'off' }), logger: pino({ level: 'silent' }), broker: 'embedded', clock: Date.now,
    });
    api = await app.listen({ port: 0, host: '127.0.0.1' });
    close = () => app.close();
  });
  afterAll(async () => {
    await close?.();
    await store?.close();
  });

  it('imports the real Red Hook 311 file in chunks with a progress bar, then finds only duplicates', async () => {
    const first = await run(['--format', 'nyc311', '--api', api, '--key', 'cli-admin', '--chunk', '50', REDHOOK]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('nyc311_redhook_2016_as10724.csv: imported 117, duplicates 0, rejected 0\n');
    expect(first.stderr).toContain('[##############################] 117/117 rows');
    expect(first.stderr.match(/\r/g)).toHaveLength(3);
    const again = await run(['--api', api, '--key', 'cli-admin', REDHOOK]);
    expect(again.stdout).toContain('imported 0, duplicates 117, rejected 0');
  });

  it('answers bad command lines with one line and exit code 2, a refused key with 1', async () => {
    for (const argv of [['--format', 'xls', '--key', 'k', REDHOOK], ['--key', 'k'], ['--bogus'], ['--format', 'nyc311', REDHOOK]]) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    const refused = await run(['--api', api, '--key', 'wrong', REDHOOK]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('401');
  });

  it('prints its help', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format');
  });
});
