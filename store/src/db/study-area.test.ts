import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellAtLatLng, parentCell } from '@citytwin/shared';
import { openTestStore, TEST_BACKENDS } from '../testing';
import type { Store } from '../open-store';
import { insertAppeal } from './appeals';
import { insertReadingsBatch } from './readings';
import { findActiveCells, findHumanStudyArea, findPhysicalStudyArea, studyAreaLookbackStartMs, STUDY_AREA_LOOKBACK_MS } from './study-area';

const DAY_MS = 24 * 3600 * 1000;
const TO = Date.parse('2026-06-01T00:00:00Z');
const window24h = { res: 8, fromMs: TO - DAY_MS, toMs: TO };
const at = (lat: number, lng: number) => cellAtLatLng({ lat, lng }, 9);
const recentAppealCell = at(39.90, 116.40);
const oldAppealCell = at(39.95, 116.30);
const futureAppealCell = at(39.85, 116.50);
const sensorCell = at(39.99, 116.45);
const res8 = (cell: string) => parentCell(cell, 8);

describe.each(TEST_BACKENDS)('study area queries on %s', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(backend);
    const appeal = (id: string, category: string, cell: string, receivedAtMs: number) =>
      insertAppeal(store.db, { id, category, channel: 'hotline', cell, receivedAtMs }, 'test');
    await appeal('a-recent-1', 'noise.construction', recentAppealCell, TO - 3600_000);
    await appeal('a-recent-2', 'noise.traffic', recentAppealCell, TO - 7200_000);
    await appeal('a-recent-3', 'garbage', recentAppealCell, TO - 7200_000);
    await appeal('a-60d', 'garbage', at(39.92, 116.35), TO - 60 * DAY_MS);
    await appeal('a-100d', 'noise.construction', oldAppealCell, TO - 100 * DAY_MS);
    await appeal('a-after', 'noise.construction', futureAppealCell, TO + 60_000);
    await insertReadingsBatch(store.db, [
      { sensorId: 'n1', metric: 'noise_db', tsMs: TO - 2 * 3600_000, value: 50, cell: sensorCell },
      { sensorId: 'n1', metric: 'noise_db', tsMs: TO - 1 * 3600_000, value: 70, cell: sensorCell },
      { sensorId: 'a1', metric: 'pm25', tsMs: TO - 30 * DAY_MS, value: 12, cell: at(39.80, 116.20) },
    ]);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('looks back 90 days before `to`, or over the whole window when it is longer', () => {
    expect(studyAreaLookbackStartMs(window24h)).toBe(TO - STUDY_AREA_LOOKBACK_MS);
    expect(studyAreaLookbackStartMs({ fromMs: TO - 200 * DAY_MS, toMs: TO })).toBe(TO - 200 * DAY_MS);
  });

  it('finds the cells with any appeal or any sensor reading in the 90 days before `to`', async () => {
    const active = await findActiveCells(store.db, window24h);
    expect(active.sort()).toEqual([recentAppealCell, at(39.92, 116.35), sensorCell, at(39.80, 116.20)].map(res8).sort());
    expect(active).not.toContain(res8(oldAppealCell));
    expect(active).not.toContain(res8(futureAppealCell));
  });

  it('takes the whole window when it is longer than 90 days', async () => {
    const active = await findActiveCells(store.db, { res: 8, fromMs: TO - 120 * DAY_MS, toMs: TO });
    expect(active).toContain(res8(oldAppealCell));
  });

  it('counts the appeals of a category family in the window alone', async () => {
    const area = await findHumanStudyArea(store.db, window24h, { category: 'noise' });
    expect(area.counts).toEqual([{ h3: res8(recentAppealCell), value: 2, count: 2 }]);
    expect(area.activeCells).toHaveLength(4);
    const all = await findHumanStudyArea(store.db, window24h);
    expect(all.counts).toEqual([{ h3: res8(recentAppealCell), value: 3, count: 3 }]);
  });

  it('gives the physical layer the cells where the metric was read in the window, with their mean', async () => {
    expect(await findPhysicalStudyArea(store.db, 'noise_db', window24h)).toEqual([{ h3: res8(sensorCell), value: 60, count: 2 }]);
    expect(await findPhysicalStudyArea(store.db, 'pm25', window24h)).toEqual([]);
  });
});
