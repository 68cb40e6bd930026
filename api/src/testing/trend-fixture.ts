import { cellToCenterChild, gridDisk, gridDistance, latLngToCell } from 'h3-js';
import type { Reading } from '@citytwin/shared';
import { insertImportedAppeals, insertReadingsBatch, type Db, type ImportedAppeal } from '@citytwin/store';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Ten days on a res-8 disc of radius 6 around Beijing's centre, ending at
 * TREND_NOW_MS (midnight UTC), for the trends and correlation route tests:
 * - one noise appeal a day in a few scattered cells (every disc cell is active
 *   through a garbage appeal 20 days earlier);
 * - EMERGING (a cell and its ring 1): 6 noise appeals per cell on each of the
 *   last 3 days, none before — a consecutive hot spot;
 * - a noise sensor in every disc cell, 50 dB, and 75 dB in EMERGING's cells
 *   on the last 3 days;
 * - a city-wide hourly pattern over the last 4 days: the readings' hourly
 *   bumps are followed by noise appeals exactly LAG_HOURS later.
 */
export const TREND_NOW_MS = Date.parse('2026-06-01T00:00:00Z');
export const TREND_CENTRE = latLngToCell(39.9042, 116.4074, 8);
export const TREND_DISC = gridDisk(TREND_CENTRE, 6);
export const EMERGING = TREND_DISC.find((cell) => gridDistance(TREND_CENTRE, cell) === 3)!;
export const LAG_HOURS = 2;

/** Loud hours of the city-wide pattern: a deterministic irregular set. */
export const loudHour = (hour: number) => (hour * 7) % 11 < 3;

export async function loadTrendFixture(db: Db): Promise<void> {
  const readings: Reading[] = [];
  const appeals: ImportedAppeal[] = [];
  const appeal = (cell: string, category: string, atMs: number) => {
    const id = `tr-${appeals.length + 1}`;
    appeals.push({ id, externalId: id, category, channel: 'hotline', description: null, lat: null, lng: null, address: null, cell: cellToCenterChild(cell, 9), receivedAtMs: atMs, steps: [], contact: null });
  };
  const emerging = new Set(gridDisk(EMERGING, 1));
  TREND_DISC.forEach((cell, i) => {
    appeal(cell, 'garbage', TREND_NOW_MS - 20 * DAY_MS);
    for (let day = 0; day < 10; day += 1) {
      const dayMs = TREND_NOW_MS - (10 - day) * DAY_MS;
      if (i % 13 === day % 13) appeal(cell, 'noise.residential', dayMs + 3 * HOUR_MS);
      if (emerging.has(cell) && day >= 7) for (let k = 0; k < 6; k += 1) appeal(cell, 'noise.construction', dayMs + (10 + k) * HOUR_MS + 30 * 60_000);
      const loud = emerging.has(cell) && day >= 7;
      readings.push({ sensorId: `tr-noise-${i}`, metric: 'noise_db', tsMs: dayMs + 12 * HOUR_MS, value: (loud ? 75 : 50) + (i % 3), cell: cellToCenterChild(cell, 9) });
    }
  });
  // City-wide: 96 hours of readings with loud hours, and appeals LAG_HOURS after each loud hour.
  const startMs = TREND_NOW_MS - 4 * DAY_MS;
  for (let hour = 0; hour < 96; hour += 1) {
    const atMs = startMs + hour * HOUR_MS + 20 * 60_000;
    const loud = loudHour(hour);
    readings.push({ sensorId: 'tr-city-a', metric: 'pm25', tsMs: atMs, value: loud ? 120 : 30 + (hour % 4), cell: cellToCenterChild(TREND_CENTRE, 9) });
    if (loud && hour + LAG_HOURS < 96) for (let k = 0; k < 5; k += 1) appeal(TREND_DISC[k * 7]!, 'air', startMs + (hour + LAG_HOURS) * HOUR_MS + (5 + k) * 60_000);
  }
  await insertReadingsBatch(db, readings);
  await insertImportedAppeals(db, appeals, 'fixture');
}
