// pnpm bench:alerts — starts the all-in-one on its built-in simulation (empty store, backfilled
// history, ALERT_BUCKET=5m) and measures how long until an alert opens at the planted
// construction-noise site. Progress on stderr, one JSON line last on stdout.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { BASE_RESOLUTION, CITY_PROFILES } from '@citytwin/shared';
import { cellsOfArea, circleArea } from '@citytwin/simulators';
import { loadConfig, startStack } from '@citytwin/api';

const LIMIT_MS = Number(process.env['BENCH_LIMIT_MINUTES'] ?? 20) * 60_000;
const [lng, lat] = CITY_PROFILES.beijing.centre;
const SITE_CELLS = new Set(cellsOfArea(circleArea([lng + 0.02, lat + 0.01], 300), BASE_RESOLUTION));

interface AlertRow { h3: string; layer: string; metric?: string; category?: string; openedAt: string; peak: { z: number } }

const dataDir = await mkdtemp(join(tmpdir(), 'citytwin-alert-demo-'));
const startedMs = Date.now();
let backfillSeconds: number | null = null;
const logger = pino({ level: 'info' }, {
  write(line: string) {
    const entry = JSON.parse(line) as { msg: string; seconds?: number };
    if (entry.msg.startsWith('history')) process.stderr.write(`${entry.msg}\n`);
    if (entry.msg.startsWith('history backfilled')) backfillSeconds = entry.seconds ?? null;
    if (entry.msg.startsWith('alerts:')) process.stderr.write(`${entry.msg}\n`);
  },
});
const stack = await startStack(loadConfig({ PORT: '0', MQTT_PORT: '0', DATA_DIR: dataDir, HOST: '127.0.0.1', API_KEYS: 'bench-admin=admin', ALERT_BUCKET: '5m' }), logger);
const liveFromMs = Date.now();
process.stderr.write(`stack up after ${((liveFromMs - startedMs) / 1000).toFixed(1)} s\n`);
let siteAlert: AlertRow | undefined;
let alerts: AlertRow[] = [];
while (Date.now() - liveFromMs < LIMIT_MS) {
  const response = await fetch(`${stack.url}/api/alerts`, { headers: { authorization: 'Bearer bench-admin' } });
  alerts = ((await response.json()) as { alerts: AlertRow[] }).alerts;
  siteAlert = alerts.find((alert) => SITE_CELLS.has(alert.h3) && alert.metric === 'noise_db');
  process.stderr.write(`${((Date.now() - liveFromMs) / 1000).toFixed(0)} s: ${alerts.length} alerts${siteAlert ? ', one at the site' : ''}\n`);
  if (siteAlert) break;
  await new Promise((resolve) => setTimeout(resolve, 10_000));
}
const siteAlertSeconds = siteAlert ? Math.round((Date.now() - liveFromMs) / 1000) : null;
const summary = alerts.map((alert) => `${alert.layer}:${alert.metric ?? alert.category}:${SITE_CELLS.has(alert.h3) ? 'site' : 'elsewhere'}`);
await stack.close();
await rm(dataDir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({
  bench: 'alerts', bucket: '5m', backfillSeconds, startSeconds: Number(((liveFromMs - startedMs) / 1000).toFixed(1)),
  siteAlertSeconds, siteAlertOpenedAt: siteAlert?.openedAt ?? null, siteAlertZ: siteAlert?.peak.z ?? null,
  alerts: alerts.length, alertKinds: Object.fromEntries([...new Set(summary)].map((kind) => [kind, summary.filter((k) => k === kind).length])),
})}\n`);
process.exit(0);
