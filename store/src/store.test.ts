import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellAtLatLng, cellToBigInt, parentCell, type Reading } from '@citytwin/shared';
import { parentCellBits, parentCellSql } from './db/cell-sql';
import { findHumanCells, findPhysicalCells } from './db/cells';
import { insertAppeal } from './db/appeals';
import { insertDeadLetters, listDeadLetters } from './db/dead-letters';
import { countReadings, insertReadingsBatch } from './db/readings';
import { findSensor, touchSensorsLastSeen, upsertSensors } from './db/sensors';
import { applyMigrations } from './schema/migrate';
import { openTestStore, TEST_BACKENDS } from './testing';
import { openStore, type Store } from './open-store';
import { DataDirError } from './backends/pglite-db';

const T0 = Date.parse('2026-06-01T08:00:00Z');
const near = { lat: 39.9042, lng: 116.4074 };
const far = { lat: 39.9242, lng: 116.3874 }; // another res-9 cell, same res-5 parent
const cellNear = cellAtLatLng(near, 9);
const cellFar = cellAtLatLng(far, 9);

function reading(sensorId: string, tsMs: number, value: number, cell = cellNear): Reading {
  return { sensorId, metric: 'pm25', tsMs, value, cell };
}

describe('parent cell bit arithmetic', () => {
  it('matches h3-js cellToParent at every served resolution', () => {
    for (const res of [5, 6, 7, 8, 9]) {
      expect(parentCellBits(cellToBigInt(cellNear), res)).toBe(cellToBigInt(parentCell(cellNear, res)));
    }
  });
});

describe.each(TEST_BACKENDS)('store on %s', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(backend);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('reports the back end it runs on and applies the schema once', async () => {
    expect(store.kind).toBe(backend);
    expect(store.applied).toContain('001-core.sql');
    expect(await applyMigrations(store.db)).toEqual([]);
  });

  it('computes the same parents in SQL as h3-js', async () => {
    for (const res of [5, 7, 9]) {
      const [row] = await store.db.query<{ h3: string }>(
        `SELECT to_hex(${parentCellSql('$1::bigint', res)}) AS h3`,
        [cellToBigInt(cellNear).toString()],
      );
      expect(row?.h3).toBe(parentCell(cellNear, res));
    }
  });

  it('stores each (sensor, metric, ts) once and rolls up only new readings', async () => {
    const batch = [reading('a', T0, 10), reading('a', T0 + 60_000, 20), reading('b', T0, 30, cellFar)];
    expect(await insertReadingsBatch(store.db, batch)).toBe(3);
    // The same readings again, plus one duplicate inside the batch and one new one.
    const again = [...batch, reading('a', T0 + 120_000, 60), reading('a', T0 + 120_000, 60)];
    expect(await insertReadingsBatch(store.db, again)).toBe(1);
    expect(await countReadings(store.db)).toBe(4);

    const window = { res: 9, fromMs: T0, toMs: T0 + 3600_000 };
    const cells = await findPhysicalCells(store.db, 'pm25', window);
    expect(cells).toEqual([
      { h3: cellNear, value: 30, count: 3 },
      { h3: cellFar, value: 30, count: 1 },
    ].sort((x, y) => (cellToBigInt(x.h3) < cellToBigInt(y.h3) ? -1 : 1)));
  });

  it('aggregates cells to a coarser resolution with a count-weighted mean', async () => {
    const cells = await findPhysicalCells(store.db, 'pm25', { res: 5, fromMs: T0, toMs: T0 + 3600_000 });
    expect(parentCell(cellNear, 5)).toBe(parentCell(cellFar, 5));
    expect(cells).toEqual([{ h3: parentCell(cellNear, 5), value: 30, count: 4 }]);
  });

  it('files late readings into the right bucket and respects the window', async () => {
    await insertReadingsBatch(store.db, [reading('late', T0 - 3 * 3600_000, 99)]);
    const earlier = await findPhysicalCells(store.db, 'pm25', { res: 9, fromMs: T0 - 4 * 3600_000, toMs: T0 });
    expect(earlier).toEqual([{ h3: cellNear, value: 99, count: 1 }]);
  });

  it('counts appeals per cell, by category family', async () => {
    const base = { channel: 'hotline', receivedAtMs: T0 + 1000, ...near, cell: cellNear };
    await insertAppeal(store.db, { ...base, id: 'A1', category: 'noise.construction' }, 'test');
    await insertAppeal(store.db, { ...base, id: 'A2', category: 'noise' }, 'test');
    await insertAppeal(store.db, { ...base, id: 'A3', category: 'garbage' }, 'test');
    await insertAppeal(store.db, { ...base, id: 'A4', category: 'noise', lat: null, lng: null, cell: null }, 'test');
    const window = { res: 8, fromMs: T0, toMs: T0 + 3600_000 };
    expect(await findHumanCells(store.db, window)).toEqual([{ h3: parentCell(cellNear, 8), value: 3, count: 3 }]);
    expect(await findHumanCells(store.db, window, { category: 'noise' })).toEqual([
      { h3: parentCell(cellNear, 8), value: 2, count: 2 },
    ]);
    expect(await findHumanCells(store.db, window, { category: 'noise.construction' })).toHaveLength(1);
  });

  it('keeps a registry of sensors whose last-seen time only moves forward', async () => {
    await upsertSensors(store.db, [{ id: 's-1', kind: 'air', lat: near.lat, lng: near.lng, metrics: ['pm25'] }], 9);
    await touchSensorsLastSeen(store.db, new Map([['s-1', T0 + 5000]]));
    await touchSensorsLastSeen(store.db, new Map([['s-1', T0]]));
    const sensor = await findSensor(store.db, 's-1');
    expect(sensor).toMatchObject({ id: 's-1', kind: 'air', cell: cellNear, metrics: ['pm25'], lastSeenMs: T0 + 5000 });
  });

  it('keeps dead letters with a bounded payload', async () => {
    const huge = new Uint8Array(10_000).fill(65);
    await insertDeadLetters(store.db, [
      { topic: 'citytwin/sensors/x', payload: new TextEncoder().encode('{oops'), reason: 'bad_json', detail: 'no', receivedAtMs: T0 },
      { topic: 'citytwin/sensors/y', payload: huge, reason: 'oversized', detail: 'big', receivedAtMs: T0 },
    ]);
    const letters = await listDeadLetters(store.db, { limit: 10 });
    expect(letters.map((letter) => letter.reason)).toEqual(['oversized', 'bad_json']);
    expect(letters[0]?.payloadBytes).toBe(10_000);
    expect(letters[0]?.payloadText.length).toBe(4096);
    expect(letters[1]?.payloadText).toBe('{oops');
    expect(await listDeadLetters(store.db, { limit: 10, reason: 'bad_json' })).toHaveLength(1);
  });
});

describe('embedded data folder', () => {
  it('refuses a folder that holds files but no database, naming DATA_DIR', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citytwin-not-a-db-'));
    try {
      await writeFile(join(dir, 'notes.txt'), 'hello');
      const failure = await openStore({ dataDir: dir }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DataDirError);
      expect((failure as Error).message).toMatch(/DATA_DIR/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
