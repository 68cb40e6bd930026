import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { cellAtLatLng, slaDeadlines, slaForCategory, type Reading } from '@citytwin/shared';
import { demoFleet, historySlices } from '@citytwin/simulators';
import { findHistoryBackfill, insertImportedAppeals, insertReadingsBatch, type Queryable, type Store } from '@citytwin/store';
import { openTestStore, type TestBackend } from '@citytwin/store/testing';
import { loadCityAreas, type CityAreas } from '../areas/city-areas';
import { loadConfig } from '../config/config';
import { startHistoryBackfill } from './backfill-history';
import { claimHistoryBackfill, historyOptionsOf, SIMULATION_HISTORY, type HistoryPlan } from './history-claim';

const config = loadConfig({ SIMULATE: 'off', WEB_DIST_DIR: '/nonexistent' });
const { sensors } = demoFleet(config.city, 6, 99);
const PLAN: HistoryPlan = { endMs: Date.parse('2026-06-01T10:20:00Z'), days: 7, seed: 99, appealsPerHour: 2 };
const optionsOf = (plan: HistoryPlan) => historyOptionsOf(plan, config, sensors);
const quiet = pino({ level: 'silent' });
let areas: CityAreas | undefined;
const cityAreas = async () => (areas ??= await loadCityAreas(config.boundaries, config.city.bounds));

const open: Store[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});
async function newStore(backend: TestBackend): Promise<Store> {
  const store = await openTestStore(backend);
  open.push(store);
  return store;
}

async function backfill(store: Store, plan: HistoryPlan = PLAN): Promise<void> {
  const claim = await claimHistoryBackfill(store, plan, optionsOf);
  if (!claim) throw new Error('no history claimed');
  await startHistoryBackfill(store, { config, areas: await cityAreas(), claim, options: optionsOf(claim.plan) }, quiet).done;
}

/**
 * What the write paths maintain, in a comparable form: every table the
 * readings and appeals feed. Sums are rounded to 1e-9, since adding the same
 * values in another order may change their last bits.
 */
async function snapshot(db: Queryable): Promise<Record<'readings' | 'rollups' | 'activeCells' | 'appeals' | 'events', unknown[]>> {
  const rows = (sql: string) => db.query(sql);
  return {
    readings: await rows('SELECT sensor_id, metric, ts, value, cell::text FROM readings ORDER BY 1, 2, 3'),
    rollups: await rows('SELECT metric, width_s, bucket, cell::text, count::int, round(sum::numeric, 9)::text AS sum, min, max FROM cell_rollups ORDER BY 1, 2, 3, 4'),
    activeCells: await rows('SELECT bucket, cell::text FROM active_cell_days ORDER BY 1, 2'),
    appeals: await rows(`SELECT id, external_id, category, status, channel, description, lat, lng, cell::text, received_at, district, street, community, departments,
      duplicate_of, response_due, resolution_due, dispatched_at, responded_at, outcome, outcome_at, rating, rated_at, closed_at, reopen_count FROM appeals ORDER BY id`),
    events: await rows('SELECT appeal_id, ts, type, actor, note, data FROM appeal_events ORDER BY appeal_id, ts, type'),
  };
}

/** The same history as ingest and an importer would store it: readings instant by instant as they arrive, appeals one import at a time. */
async function ingestLikeLive(store: Store): Promise<void> {
  const slices = [...historySlices(optionsOf(PLAN))];
  const readings: Reading[] = slices.flatMap((slice) => slice.readings).map((reading) => ({
    sensorId: reading.sensorId, metric: reading.metric, tsMs: reading.tsMs, value: reading.value, cell: cellAtLatLng({ lat: reading.lat, lng: reading.lng }, config.baseResolution),
  }));
  const byInstant = new Map<number, Reading[]>();
  for (const reading of readings) byInstant.set(reading.tsMs, [...(byInstant.get(reading.tsMs) ?? []), reading]);
  for (const tsMs of [...byInstant.keys()].sort((a, b) => a - b)) await insertReadingsBatch(store.db, byInstant.get(tsMs)!);
  const located = await cityAreas();
  for (const slice of slices.filter((s) => s.kind === 'appeals')) {
    for (const [i, { appeal, steps }] of slice.appeals.entries()) {
      const id = `history-${slice.fromMs}-${i}`;
      const { body } = appeal;
      await insertImportedAppeals(store.db, [{
        id, externalId: id, category: body.category, channel: body.channel, description: body.description, lat: body.lat, lng: body.lng, address: null,
        receivedAtMs: appeal.tsMs, steps, contact: null, cell: cellAtLatLng({ lat: body.lat, lng: body.lng }, config.baseResolution),
        area: located.locator.locate(body.lat, body.lng), ...slaDeadlines(appeal.tsMs, slaForCategory(body.category, config.appealSla)),
      }], 'history');
    }
  }
}

describe.each(['pglite', 'postgres'] as const)('the simulation history backfill on %s', (backend) => {
  it('stores exactly what ingest and an import of the same history would: readings, all rollup tiers, active cells, appeals and their events', async () => {
    const [backfilled, ingested] = [await newStore(backend), await newStore(backend)];
    await backfill(backfilled);
    await ingestLikeLive(ingested);
    const [got, want] = [await snapshot(backfilled.db), await snapshot(ingested.db)];
    expect(got.readings.length).toBe(sensors.reduce((sum, sensor) => sum + sensor.metrics.length, 0) * 7 * 24);
    expect(got.appeals.length).toBeGreaterThan(50);
    expect(got.rollups.length).toBeGreaterThan(3 * 7 * 24);
    expect(got).toEqual(want);
    expect(await findHistoryBackfill(backfilled.db, SIMULATION_HISTORY)).toMatchObject({ finished: true, plan: PLAN });
  }, 120_000);

  it('after a kill mid-way, the next start writes the rest of the same history and ends where an uninterrupted backfill ends', async () => {
    const [whole, interrupted] = [await newStore(backend), await newStore(backend)];
    await backfill(whole);
    const first = (await claimHistoryBackfill(interrupted, PLAN, optionsOf))!;
    const running = startHistoryBackfill(interrupted, { config, areas: await cityAreas(), claim: first, options: optionsOf(first.plan) }, quiet);
    const deadline = Date.now() + 60_000;
    while (((await findHistoryBackfill(interrupted.db, SIMULATION_HISTORY))?.slicesDone ?? 0) < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    await running.stop();
    const stoppedAt = (await findHistoryBackfill(interrupted.db, SIMULATION_HISTORY))!;
    expect(stoppedAt.finished).toBe(false);
    // A kill between a slice's commit and its progress mark: that slice is written again on restart.
    await interrupted.db.query('UPDATE history_backfills SET slices_done = $1', [stoppedAt.slicesDone - 1]);

    // The restart comes later: the history keeps its first plan, not the new start's time.
    const resumed = await claimHistoryBackfill(interrupted, { ...PLAN, endMs: PLAN.endMs + 3_600_000 }, optionsOf);
    expect(resumed).toMatchObject({ plan: PLAN, fromSlice: stoppedAt.slicesDone - 1 });
    await startHistoryBackfill(interrupted, { config, areas: await cityAreas(), claim: resumed!, options: optionsOf(resumed!.plan) }, quiet).done;
    expect(await snapshot(interrupted.db)).toEqual(await snapshot(whole.db));
    expect(await claimHistoryBackfill(interrupted, PLAN, optionsOf)).toBeNull();
  }, 120_000);

  it('writes no history into a store that holds data without a history marker', async () => {
    const store = await newStore(backend);
    await insertReadingsBatch(store.db, [{ sensorId: 'aq-1', metric: 'pm25', tsMs: PLAN.endMs - 60_000, value: 30, cell: cellAtLatLng({ lat: 39.9, lng: 116.4 }, 9) }]);
    expect(await claimHistoryBackfill(store, PLAN, optionsOf)).toBeNull();
    expect(await findHistoryBackfill(store.db, SIMULATION_HISTORY)).toBeNull();
  });
});
