import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTransition, cellAtLatLng, parentCell } from '@citytwin/shared';
import { openTestStore, TEST_BACKENDS } from '../testing';
import type { Store } from '../open-store';
import { insertAppeal } from './appeals';
import { insertImportedAppeals, type ImportedAppeal } from './appeal-import';
import { findAppeal, findAppealContact, listAppealEvents, listAppeals } from './appeal-queries';
import { countCategoriesByArea, countRatesByArea } from './appeal-rates';
import { recordAppealStep } from './appeal-transition';

const T0 = Date.parse('2026-06-03T02:00:00Z');
const H = 3_600_000;
const point = { lat: 39.9042, lng: 116.4074 };

function imported(n: number, overrides: Partial<ImportedAppeal> = {}): ImportedAppeal {
  return {
    id: `imp-${n}`, externalId: `src:${n}`, category: 'noise.construction', channel: 'hotline', description: `text ${n}`,
    ...point, cell: cellAtLatLng(point, 9), address: null, receivedAtMs: T0 + n * 1000, contact: { name: `Resident ${n}`, phone: `1380000${n}` },
    steps: [{ to: 'dispatched', atMs: T0 + n * 1000, departments: ['urban', 'police'] }, { to: 'responded', atMs: T0 + n * 1000 + H }],
    area: { district: '东城区', street: 'Jingshan', community: null }, responseDueMs: T0 + n * 1000 + 2 * H, resolutionDueMs: T0 + 7 * 24 * H,
    ...overrides,
  };
}

describe.each(TEST_BACKENDS)('appeal tables on %s', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(backend);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('imports once: the same external ids again, or twice in a batch, are duplicates', async () => {
    const batch = [imported(1), imported(2), imported(3, { externalId: 'src:2', id: 'imp-3' })];
    expect(await insertImportedAppeals(store.db, batch, 'admin')).toEqual({ imported: 2, duplicates: 1 });
    expect(await insertImportedAppeals(store.db, batch, 'admin')).toEqual({ imported: 0, duplicates: 3 });
    const stored = await findAppeal(store.db, 'imp-1');
    expect(stored).toMatchObject({ status: 'responded', departments: ['urban', 'police'], street: 'Jingshan', respondedAtMs: T0 + 1000 + H, cell: cellAtLatLng(point, 9) });
    expect((await listAppealEvents(store.db, 'imp-1')).map((event) => event.type)).toEqual(['received', 'dispatched', 'responded']);
    expect(await findAppealContact(store.db, 'imp-1')).toEqual({ name: 'Resident 1', phone: '13800001', email: null });
  });

  it('records a step under a row lock and lets the decider refuse it', async () => {
    await insertAppeal(store.db, { id: 'new-1', category: 'garbage', channel: 'app', receivedAtMs: T0, responseDueMs: T0 + 2 * H, area: { district: '西城区', street: null, community: null } }, 'operator');
    const updated = await recordAppealStep(store.db, 'new-1', (current) => ({
      progress: applyTransition(current, { to: 'duplicate', duplicateOf: 'imp-1' }, T0 + H), atMs: T0 + H, actor: 'operator', note: 'same site', data: { duplicateOf: 'imp-1' },
    }));
    expect(updated).toMatchObject({ status: 'duplicate', duplicateOf: 'imp-1' });
    await expect(recordAppealStep(store.db, 'imp-1', () => { throw new Error('refused'); })).rejects.toThrow('refused');
    expect((await findAppeal(store.db, 'imp-1'))?.status).toBe('responded');
    expect(await recordAppealStep(store.db, 'missing', () => { throw new Error('not called'); })).toBeUndefined();
  });

  it('filters appeals by category family, status, area and coarse cell', async () => {
    const cell7 = parentCell(cellAtLatLng(point, 9), 7);
    const { total, appeals } = await listAppeals(store.db, { category: 'noise', statuses: ['responded'], street: 'Jingshan', cell: cell7, cellRes: 7, limit: 1 });
    expect(total).toBe(2);
    expect(appeals).toHaveLength(1);
    expect((await listAppeals(store.db, { fromMs: T0 + 1500, limit: 10 })).appeals.map((appeal) => appeal.id)).toEqual(['imp-2']);
  });

  it('counts the rates per street and per department of a joint case, without duplicates', async () => {
    const streets = await countRatesByArea(store.db, 'street', T0 - H, T0 + H);
    expect(streets).toEqual([{ area: 'Jingshan', counts: { received: 2, responded: 2, respondedInTime: 2, resolved: 0, rated: 0, satisfied: 0, basicallySatisfied: 0 } }]);
    const departments = await countRatesByArea(store.db, 'department', T0 - H, T0 + H);
    expect(departments.map((row) => [row.area, row.counts.received])).toEqual([['police', 2], ['urban', 2]]);
    expect(await countRatesByArea(store.db, 'district', T0 - H, T0 + H)).toHaveLength(1);
  });

  it('counts categories per area in a window and its baseline', async () => {
    const rows = await countCategoriesByArea(store.db, 'district', { baselineFromMs: T0 - 28 * 24 * H, fromMs: T0 + 1500, toMs: T0 + H });
    expect(rows).toEqual([{ area: '东城区', category: 'noise.construction', count: 1, baselineCount: 1 }]);
  });
});
