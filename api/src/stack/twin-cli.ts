import { mkdir } from 'node:fs/promises';
import { runCommand, TWIN_HELP } from '@citytwin/simulators';
import { openStore } from '@citytwin/store';
import { KEYS_HELP, KeysUsageError, runKeysCommand } from '../cli/keys-command';
import { loadConfig } from '../config/config';

// `pnpm twin`: the simulators' commands plus those that manage the store itself.
const ADMIN_HELP = `\nStore commands:\n  keys add|list|revoke          API keys, hashed at rest (pnpm twin keys --help)\n`;

async function runKeys(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(KEYS_HELP);
    return argv.length === 0 ? 2 : 0;
  }
  const config = loadConfig();
  if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
  const store = await openStore(config.databaseUrl ? { databaseUrl: config.databaseUrl, maxConnections: 1 } : { dataDir: config.dataDir });
  try {
    await runKeysCommand(store.db, argv, { stdout: process.stdout });
    return 0;
  } catch (error) {
    process.stderr.write(`twin keys: ${(error as Error).message}\n`);
    return error instanceof KeysUsageError ? 2 : 1;
  } finally {
    await store.close();
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'keys') return runKeys(argv.slice(1));
  if (argv.length === 0 || ['--help', '-h', 'help'].includes(argv[0]!)) {
    process.stdout.write(TWIN_HELP + ADMIN_HELP);
    return argv.length === 0 ? 2 : 0;
  }
  return runCommand(argv, { stdout: process.stdout, stderr: process.stderr });
}

process.exitCode = await main(process.argv.slice(2));
