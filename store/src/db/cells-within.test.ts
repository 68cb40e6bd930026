import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellAtLatLng, parentCell, type Reading } from '@citytwin/shared';
import type { Store } from '../open-store';
import { openTestStore, TEST_BACKENDS } from '../testing';
import { findPhysicalCells } from './cells';
import { insertReadingsBatch } from './readings';

const T0 = Date.parse('2026-06-01T08:00:00Z');
const WINDOW = { fromMs: T0 - 86_400_000, toMs: T0 + 3_600_000 };
// Nine sensors in three res-8 cells (several res-9 cells each), a few readings apiece.
const POINTS = Array.from({ length: 9 }, (_, i) => ({ lat: 39.9 + Math.floor(i / 3) * 0.05 + (i % 3) * 0.002, lng: 116.4 + (i % 3) * 0.002 }));
const READINGS: Reading[] = POINTS.flatMap((point, i) =>
  [0, 1, 2].map((k) => ({ sensorId: `s${i}`, metric: 'noise_db', tsMs: T0 - k * 3_600_000 + i * 1000, value: 40 + i * 3 + k, cell: cellAtLatLng(point, 9) }) as Reading),
);

describe.each(TEST_BACKENDS)('findPhysicalCells within changed cells on %s', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(backend);
    await insertReadingsBatch(store.db, READINGS);
  });
  afterAll(async () => {
    await store?.close();
  });

  it.each([9, 8, 7])('gives, at res %i, exactly what the whole layer gives for the cells touched', async (res) => {
    const whole = await findPhysicalCells(store.db, 'noise_db', { res, ...WINDOW });
    // One touched base cell: its cell at `res` must come back whole (all of its children), nothing else.
    const touched = READINGS[4]!.cell;
    const expected = whole.filter((cell) => cell.h3 === parentCell(touched, res));
    expect(expected).toHaveLength(1);
    expect(await findPhysicalCells(store.db, 'noise_db', { res, ...WINDOW }, [touched])).toEqual(expected);
  });

  it('takes coarser cells as "everything under them", and an empty list as nothing', async () => {
    const whole = await findPhysicalCells(store.db, 'noise_db', { res: 9, ...WINDOW });
    const area = parentCell(READINGS[0]!.cell, 7);
    expect(await findPhysicalCells(store.db, 'noise_db', { res: 9, ...WINDOW }, [area])).toEqual(whole.filter((cell) => parentCell(cell.h3, 7) === area));
    expect(await findPhysicalCells(store.db, 'noise_db', { res: 9, ...WINDOW }, [])).toEqual([]);
  });
});
