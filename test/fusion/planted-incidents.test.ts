import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellToLatLng, gridDisk, gridDistance, latLngToCell } from 'h3-js';
import mqtt from 'mqtt';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, startStack, type Stack } from '@citytwin/api';
import { DEFAULT_TOPIC_PREFIX, telemetryTopic, type MetricCode } from '@citytwin/shared';
import { countAppeals, countReadings } from '@citytwin/store';
import { pollUntil } from '../support/poll-until';

// Four planted areas (a res-8 cell and its ring 1) on a city of 217 res-8 cells, each six steps
// from the centre and from one another. Readings go over MQTT through ingest, appeals over HTTP.
const KEY = 'planted-admin-key';
const CENTRE = latLngToCell(39.9042, 116.4074, 8);
const CITY = gridDisk(CENTRE, 8);
const RING6 = CITY.filter((cell) => gridDistance(CENTRE, cell) === 6);
const PLANTED = { loud: RING6[0]!, flooded: RING6[9]!, dusty: RING6[18]!, dark: RING6[27]! };
const area = (centre: string) => gridDisk(centre, 1);
const inArea = (cell: string, centre: string) => gridDistance(cell, centre) <= 1;
const APPEALS_PER_CELL = 6;

interface FusedRow { h3: string; class: string; covered: boolean; physical: { value: number } | null; human: { value: number } }

/** One reading per metric per sensor, two times, jittered around a level. */
function sensorValues(cell: string, i: number): Partial<Record<MetricCode, number>> {
  const jitter = ((i * 37) % 7) - 3;
  return {
    noise_db: inArea(cell, PLANTED.loud) ? 85 + jitter : 55 + jitter,
    pm25: inArea(cell, PLANTED.dusty) ? 300 + jitter : 40 + 2 * jitter,
    streetlight_on: inArea(cell, PLANTED.dark) ? 0 : 0.95 + jitter / 100,
    ...(inArea(cell, PLANTED.flooded) ? {} : { water_level_cm: 3 + jitter / 3 }),
  };
}

async function publishReadings(mqttUrl: string, nowMs: number): Promise<number> {
  const client = await mqtt.connectAsync(mqttUrl, { clientId: 'planted-fleet', protocolVersion: 4 });
  const sent: Array<Promise<unknown>> = [];
  try {
    for (const [i, cell] of CITY.entries()) {
      const [lat, lng] = cellToLatLng(cell);
      for (const [metric, value] of Object.entries(sensorValues(cell, i))) {
        for (const minutesAgo of [40, 10]) {
          const payload = JSON.stringify({ ts: nowMs - minutesAgo * 60_000, lat, lng, values: { [metric]: value } });
          sent.push(client.publishAsync(telemetryTopic(`planted-${metric}-${i}`, DEFAULT_TOPIC_PREFIX), payload, { qos: 1 }));
        }
      }
    }
    await Promise.all(sent);
  } finally {
    await client.endAsync();
  }
  return sent.length;
}

async function postAppeals(apiUrl: string, nowMs: number): Promise<number> {
  const bodies: object[] = [];
  const appeal = (cell: string, category: string, minutesAgo: number) => {
    const [lat, lng] = cellToLatLng(cell);
    bodies.push({ category, channel: 'hotline', description: 'planted', lat, lng, receivedAt: new Date(nowMs - minutesAgo * 60_000).toISOString() });
  };
  const background = ['garbage', 'road', 'noise.residential', 'garbage', 'flooding.street', 'road', 'air.odor', 'streetlight.out', 'garbage', 'road', 'property'];
  CITY.forEach((cell, i) => {
    if (Object.values(PLANTED).some((planted) => gridDistance(cell, planted) <= 3)) appeal(cell, 'garbage', 600);
    else appeal(cell, background[i % background.length]!, 600);
  });
  for (const [centre, category] of [[PLANTED.loud, 'noise.construction'], [PLANTED.flooded, 'flooding.street'], [PLANTED.dark, 'streetlight.out']] as const) {
    for (const cell of area(centre)) for (let k = 0; k < APPEALS_PER_CELL; k += 1) appeal(cell, category, 30 + k);
  }
  const post = async (body: object) => {
    const response = await fetch(`${apiUrl}/api/appeals`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(201);
  };
  const queue = [...bodies];
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let body = queue.shift(); body; body = queue.shift()) await post(body);
  }));
  return bodies.length;
}

describe('planted incidents through the real stack, fused', () => {
  let stack: Stack;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'citytwin-planted-'));
    stack = await startStack(loadConfig({ PORT: '0', MQTT_PORT: '0', DATA_DIR: dataDir, SIMULATE: 'off', HOST: '127.0.0.1', API_KEYS: `${KEY}=admin` }), pino({ level: 'silent' }));
    const nowMs = Date.now();
    const readings = await publishReadings(stack.mqttUrl, nowMs);
    const appeals = await postAppeals(stack.url, nowMs);
    await pollUntil('every reading stored', async () => ((await countReadings(stack.store.db)) >= readings ? true : undefined), 60_000);
    expect(await countAppeals(stack.store.db)).toBe(appeals);
  });

  afterAll(async () => {
    await stack?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function fusion(metric: string, category: string): Promise<FusedRow[]> {
    const response = await fetch(`${stack.url}/api/fusion?metric=${metric}&category=${category}`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { res: number; confidence: number; cells: FusedRow[] };
    expect(body).toMatchObject({ res: 8, confidence: 95 });
    return body.cells;
  }

  it.each([
    ['loud, and residents report noise', 'noise_db', 'noise', 'loud', 'confirmed'],
    ['flooding reported where no water-level sensor stands', 'water_level_cm', 'flooding', 'flooded', 'blind_spot'],
    ['PM2.5 far above the rest and no air appeal', 'pm25', 'air', 'dusty', 'silent_risk'],
    ['streetlights off (a cold spot) and residents report it', 'streetlight_on', 'streetlight', 'dark', 'confirmed'],
  ] as const)('%s: %s/%s calls the planted area %s', async (_what, metric, category, planted, expected) => {
    const cells = await fusion(metric, category);
    const centre = PLANTED[planted];
    const classed = cells.filter((cell) => cell.class !== 'none');
    const summary = classed.map((cell) => `${cell.class}@${gridDistance(cell.h3, centre)}`).join(' ');
    console.log(`${metric}/${category}: ${classed.length} classed cells (class@steps from the planted centre): ${summary}`);
    expect(cells.find((cell) => cell.h3 === centre)!.class).toBe(expected);
    // The planted area's own cells are called what was planted, or nothing; never another class.
    for (const cell of cells.filter((row) => inArea(row.h3, centre))) expect(['none', expected]).toContain(cell.class);
    // No cell farther than ring 2 from the planted area gets a class.
    for (const cell of classed) expect(gridDistance(cell.h3, centre) - 1, `${cell.h3} is ${cell.class}`).toBeLessThanOrEqual(2);
    if (planted === 'flooded') expect(cells.find((cell) => cell.h3 === centre)).toMatchObject({ covered: false, physical: null });
  });
});
