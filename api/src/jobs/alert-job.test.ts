import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { latLngToCell } from 'h3-js';
import type { Reading } from '@citytwin/shared';
import { CHANGE_CHANNELS, insertReadingsBatch, listenForChanges, type AlertChange } from '@citytwin/store';
import { loadConfig } from '../config/config';
import { openTestApp, type TestApp } from '../testing/test-app';
import { AlertJob } from './alert-job';

const HOUR_MS = 3_600_000;
const WEEK_HOURS = 168;
const START_MS = Date.parse('2026-04-27T00:00:00Z'); // a Monday
const ONSET = 4 * WEEK_HOURS + 58; // week 5, Wednesday 10:00 UTC
const RISE_HOURS = 5;
const LOUD = latLngToCell(39.91, 116.41, 9);
const QUIET = latLngToCell(39.95, 116.35, 9);

/** Five weeks of hourly noise with a daily cycle and ±1.5 dB deterministic jitter; LOUD gets +15 dB from ONSET for RISE_HOURS. */
function readingsOfHour(h: number): Reading[] {
  const base = 55 + 8 * Math.sin((Math.PI * ((h % 24) - 6)) / 12) + ((((h * 7919) % 13) / 12) - 0.5) * 3;
  const rise = h >= ONSET && h < ONSET + RISE_HOURS ? 15 : 0;
  const tsMs = START_MS + h * HOUR_MS + 30 * 60_000;
  return [
    { sensorId: 'loud', metric: 'noise_db', tsMs, value: base + rise, cell: LOUD },
    { sensorId: 'quiet', metric: 'noise_db', tsMs, value: base + 1, cell: QUIET },
  ];
}

describe('the alert job on a synthetic five-week series', () => {
  let t: TestApp;
  let job: AlertJob;
  const events: AlertChange[] = [];
  let stopListening: () => Promise<void>;
  beforeAll(async () => {
    t = await openTestApp({ env: { API_KEYS: 'admin-key=admin,op-key=operator' } });
    job = new AlertJob({ store: t.store, settings: loadConfig({}).alerts, logger: pino({ level: 'silent' }) });
    stopListening = await listenForChanges(t.store.db, CHANGE_CHANNELS.alerts, (change) => events.push(change));
  });
  afterAll(async () => {
    await stopListening?.();
    await job?.stop();
    await t?.close();
  });

  it('opens within 2 hourly buckets of the onset, closes after the rise ends, and only where the rise was', async () => {
    await insertReadingsBatch(t.store.db, Array.from({ length: ONSET }, (_, h) => readingsOfHour(h)).flat());
    await job.runPass();
    const get = async () => (await t.app.inject({ method: 'GET', url: '/api/alerts' })).json().alerts;
    expect(await get()).toEqual([]);
    let openedAfter: number | null = null;
    let closedAfter: number | null = null;
    for (let h = ONSET; h < ONSET + RISE_HOURS + 4; h += 1) {
      await insertReadingsBatch(t.store.db, readingsOfHour(h));
      await job.runPass();
      const alerts = await get();
      if (openedAfter === null && alerts.length > 0) openedAfter = h - ONSET + 1;
      if (closedAfter === null && alerts[0]?.status === 'closed') closedAfter = h - (ONSET + RISE_HOURS) + 1;
    }
    expect(openedAfter).toBe(2);
    expect(closedAfter).toBe(2);
    const alerts = await get();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      layer: 'physical', metric: 'noise_db', h3: LOUD, status: 'closed', bucketSeconds: 3600,
      openedAt: new Date(START_MS + ONSET * HOUR_MS).toISOString(),
      closedAt: new Date(START_MS + (ONSET + RISE_HOURS) * HOUR_MS).toISOString(),
    });
    expect(alerts[0].peak.z).toBeGreaterThan(3);
    expect(alerts[0].peak.value - alerts[0].baseline.median).toBeGreaterThan(12);
    await expect.poll(() => events.map((event) => event.event)).toEqual(['opened', ...events.slice(1, -1).map(() => 'updated'), 'closed']);
    expect(new Set(events.map((event) => event.id))).toEqual(new Set([alerts[0].id]));
  });

  it('finds the same alert, and nothing more, when an admin recomputes the whole range', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/alerts' })).json().alerts;
    const range = `from=${new Date(START_MS).toISOString()}&to=${new Date(START_MS + 5 * WEEK_HOURS * HOUR_MS).toISOString()}`;
    const denied = await t.app.inject({ method: 'POST', url: `/api/alerts/recompute?${range}`, headers: { authorization: 'Bearer op-key' } });
    expect(denied.statusCode).toBe(403);
    const response = await t.app.inject({ method: 'POST', url: `/api/alerts/recompute?${range}`, headers: { authorization: 'Bearer admin-key' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ opened: 0, closed: 0 });
    expect((await t.app.inject({ method: 'GET', url: '/api/alerts' })).json().alerts).toEqual(before);
  });

  it('selects alerts by window overlap, status and layer, and names bad parameters', async () => {
    const onsetIso = new Date(START_MS + (ONSET + 1) * HOUR_MS).toISOString();
    const list = async (query: string) => (await t.app.inject({ method: 'GET', url: `/api/alerts?${query}` })).json().alerts.length;
    expect(await list(`from=${onsetIso}&to=${new Date(START_MS + (ONSET + 2) * HOUR_MS).toISOString()}`)).toBe(1);
    expect(await list(`to=${new Date(START_MS + ONSET * HOUR_MS).toISOString()}`)).toBe(0);
    expect(await list('status=open')).toBe(0);
    expect(await list('layer=human')).toBe(0);
    for (const [query, parameter] of [['status=pending', 'status'], ['category=noise.construction', 'category'], ['from=soon', 'from'], ['metric=radon', 'metric']] as const) {
      const response = await t.app.inject({ method: 'GET', url: `/api/alerts?${query}` });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'CT_ERR_BAD_PARAMETER', parameter });
    }
  });
});

describe('the alert job on the same series without the rise', () => {
  it('raises no alert', async () => {
    const t = await openTestApp();
    try {
      const job = new AlertJob({ store: t.store, settings: loadConfig({}).alerts, logger: pino({ level: 'silent' }) });
      const flat = (h: number) => readingsOfHour(h).map((reading) => ({ ...reading, value: reading.sensorId === 'loud' && h >= ONSET && h < ONSET + RISE_HOURS ? reading.value - 15 : reading.value }));
      await insertReadingsBatch(t.store.db, Array.from({ length: 5 * WEEK_HOURS }, (_, h) => flat(h)).flat());
      const result = await job.recompute(START_MS + 4 * WEEK_HOURS * HOUR_MS, START_MS + 5 * WEEK_HOURS * HOUR_MS);
      expect(result).toMatchObject({ opened: 0 });
      expect(result.series).toBe(2);
      expect((await t.app.inject({ method: 'GET', url: '/api/alerts' })).json().alerts).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
