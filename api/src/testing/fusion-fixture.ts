import { cellToCenterChild, gridDisk, gridDistance, latLngToCell } from 'h3-js';
import type { Reading } from '@citytwin/shared';
import { insertImportedAppeals, insertReadingsBatch, type Db, type ImportedAppeal } from '@citytwin/store';

/**
 * A small city on the res-8 grid for hotspot and fusion route tests: a disc
 * of radius 8 around Beijing's centre, a noise sensor in every cell but
 * around BLIND, and three planted areas (a cell and its ring 1) five steps
 * from the centre and from each other:
 * - CONFIRMED: loud (80 dB against 50) and 8 noise appeals per cell;
 * - BLIND: 8 noise appeals per cell and no noise sensor within 2 steps;
 * - SILENT: loud, no appeal.
 * Every cell had a garbage appeal 30 days ago, so the whole disc is in the
 * human study area; a few background cells have one noise appeal.
 */
export const FIXTURE_NOW_MS = Date.parse('2026-06-01T12:00:00Z');
export const CENTRE = latLngToCell(39.9042, 116.4074, 8);
export const DISC = gridDisk(CENTRE, 8);
const RING5 = DISC.filter((cell) => gridDistance(CENTRE, cell) === 5);
export const CONFIRMED = RING5[0]!;
export const BLIND = RING5[10]!;
export const SILENT = RING5[20]!;
export const APPEALS_PER_PLANTED_CELL = 8;

const near = (cell: string, centre: string, k: number) => gridDistance(cell, centre) <= k;
/** Background cells with one noise appeal each (away from the planted areas). */
export const LONE_APPEAL_CELLS = DISC.filter((cell, i) => i % 9 === 4 && [CONFIRMED, BLIND, SILENT].every((planted) => gridDistance(cell, planted) > 3));

/** Loads the fixture city through the store's write paths. */
export async function loadFusionFixture(db: Db): Promise<void> {
  const readings: Reading[] = [];
  DISC.forEach((cell, i) => {
    if (near(cell, BLIND, 2)) return;
    const loud = near(cell, CONFIRMED, 1) || near(cell, SILENT, 1);
    for (const minutes of [30, 90]) {
      readings.push({ sensorId: `noise-${i}`, metric: 'noise_db', tsMs: FIXTURE_NOW_MS - minutes * 60_000, value: (loud ? 80 : 50) + (i % 5) - 2, cell: cellToCenterChild(cell, 9) });
    }
  });
  await insertReadingsBatch(db, readings);
  const appeals: ImportedAppeal[] = [];
  const appeal = (cell: string, category: string, agoMs: number) => {
    const id = `fx-${appeals.length + 1}`;
    appeals.push({ id, externalId: id, category, channel: 'hotline', description: null, lat: null, lng: null, address: null, cell: cellToCenterChild(cell, 9), receivedAtMs: FIXTURE_NOW_MS - agoMs, steps: [], contact: null });
  };
  for (const cell of DISC) appeal(cell, 'garbage', 30 * 24 * 3600_000);
  for (const planted of [CONFIRMED, BLIND]) {
    for (const cell of gridDisk(planted, 1)) {
      for (let k = 0; k < APPEALS_PER_PLANTED_CELL; k += 1) appeal(cell, 'noise.construction', 2 * 3600_000 + k * 60_000);
    }
  }
  for (const cell of LONE_APPEAL_CELLS) appeal(cell, 'noise.residential', 3 * 3600_000);
  await insertImportedAppeals(db, appeals, 'fixture');
}
