import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gridDisk } from 'h3-js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, startStack, type Stack } from '@citytwin/api';
import { BASE_RESOLUTION, CITY_PROFILES, parentCell } from '@citytwin/shared';
import { cellsOfArea, circleArea } from '@citytwin/simulators';
import { pollUntil } from '../support/poll-until';
import type { CellRow } from './scenario-cells';

/** The all-in-one plants its demo construction site 0.02° east and 0.01° north of the city centre. */
const [lng, lat] = CITY_PROFILES.beijing.centre;
const SITE_CELLS = new Set(cellsOfArea(circleArea([lng + 0.02, lat + 0.01], 300), BASE_RESOLUTION));
const SITE_PARENTS = new Set([...SITE_CELLS].map((cell) => parentCell(cell, 8)));

describe('the all-in-one built-in simulation', () => {
  let stack: Stack;
  let dataDir: string;
  // The live run (and its construction site) starts with the stack; the backfilled history before it (up to the
  // start of the hour) has no site. Windows start on 5-minute buckets, so the live window starts at the one begun.
  let liveFrom: string;
  beforeAll(async () => {
    liveFrom = new Date(Math.floor(Date.now() / 300_000) * 300_000).toISOString();
    dataDir = await mkdtemp(join(tmpdir(), 'citytwin-live-'));
    stack = await startStack(loadConfig({ PORT: '0', MQTT_PORT: '0', DATA_DIR: dataDir, HOST: '127.0.0.1', API_KEYS: 'live-admin=admin' }), pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await stack?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function cells(query: string): Promise<CellRow[]> {
    const response = await fetch(`${stack.url}/api/cells?${query}`, { headers: { authorization: 'Bearer live-admin' } });
    return ((await response.json()) as { cells: CellRow[] }).cells;
  }

  it('shows its planted construction site on both layers within a minute', async () => {
    const found = await pollUntil('the demo site on both layers', async () => {
      const noise = await cells(`layer=physical&metric=noise_db&res=9&from=${liveFrom}`);
      const site = noise.filter((cell) => SITE_CELLS.has(cell.h3));
      const appeals = (await cells('layer=human&category=noise.construction&res=8')).filter((cell) => SITE_PARENTS.has(cell.h3));
      const others = noise.filter((cell) => !SITE_CELLS.has(cell.h3));
      return site.length > 0 && appeals.some((cell) => cell.count >= 3) && others.length > 0 ? { site, others } : undefined;
    }, 60_000, 1000);
    const mean = (rows: CellRow[]) => rows.reduce((sum, cell) => sum + cell.value, 0) / rows.length;
    // The site adds 20 dB to whatever the hour's background is.
    expect(mean(found.site)).toBeGreaterThan(mean(found.others) + 10);
  });

  it('calls its planted construction site confirmed on /api/fusion, and nowhere far from it', async () => {
    interface FusionCell { h3: string; class: string }
    const fusion = await pollUntil('the demo site confirmed', async () => {
      const response = await fetch(`${stack.url}/api/fusion?metric=noise_db&category=noise`, { headers: { authorization: 'Bearer live-admin' } });
      const body = (await response.json()) as { cells: FusionCell[]; summary: Record<string, number> };
      return body.cells.some((cell) => cell.class === 'confirmed' && SITE_PARENTS.has(cell.h3)) ? body : undefined;
    }, 60_000, 1000);
    const near = new Set([...SITE_PARENTS].flatMap((cell) => gridDisk(cell, 2)));
    const confirmed = fusion.cells.filter((cell) => cell.class === 'confirmed');
    console.log(`all-in-one /api/fusion noise_db x noise: ${JSON.stringify(fusion.summary)}; confirmed ${confirmed.map((cell) => cell.h3).join(', ')}`);
    expect(confirmed.every((cell) => near.has(cell.h3))).toBe(true);
  });
});
