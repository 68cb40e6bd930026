import { sensorStatus, type LiveCounters, type LiveFleet, type LiveOverdue, type SensorStatus } from '@citytwin/shared';
import { countAppealsInDay, countOverdueAppeals, listOverdueGroups, listSensors, type Db } from '@citytwin/store';
import { localDayRangeMs } from './local-day';

/** Overdue groups sent at most. */
export const OVERDUE_GROUPS_LIMIT = 20;

const iso = (ms: number) => new Date(ms).toISOString();

/** Today's counters for the city's local day. */
export async function readCounters(db: Db, nowMs: number, timeZone: string, readingsPerSecond: number, openAlerts: number | null): Promise<LiveCounters> {
  const day = localDayRangeMs(nowMs, timeZone);
  const [today, overdue] = await Promise.all([countAppealsInDay(db, day.fromMs, day.toMs), countOverdueAppeals(db, nowMs)]);
  return {
    type: 'counters', appealsReceivedToday: today.received, appealsResolvedToday: today.resolved,
    readingsPerSecond: Math.round(readingsPerSecond * 10) / 10, openAlerts, overdueAppeals: overdue, asOf: iso(nowMs),
  };
}

const zeroCounts = (): Record<SensorStatus, number> => ({ online: 0, stale: 0, offline: 0, unknown: 0 });

/** Sensors per status, per kind and in all, as `/api/sensors/health` judges them. */
export async function readFleet(db: Db, nowMs: number): Promise<LiveFleet> {
  const kinds: Record<string, Record<SensorStatus, number>> = {};
  const total = zeroCounts();
  for (const sensor of await listSensors(db)) {
    const status = sensorStatus(sensor.lastSeenMs, sensor.intervalMs, nowMs);
    (kinds[sensor.kind] ??= zeroCounts())[status] += 1;
    total[status] += 1;
  }
  return { type: 'fleet', kinds, total, asOf: iso(nowMs) };
}

/** Overdue appeals by area and category; `minCount` above 1 withholds smaller groups (anonymous view). */
export async function readOverdue(db: Db, nowMs: number, minCount: number): Promise<LiveOverdue> {
  const groups = await listOverdueGroups(db, nowMs, { limit: OVERDUE_GROUPS_LIMIT, minCount });
  return {
    type: 'overdue', groups: groups.map((group) => ({ area: group.area, category: group.category, count: group.count, oldestDueAt: iso(group.oldestDueMs) })),
    ...(minCount > 1 ? { suppressedBelow: minCount } : {}), asOf: iso(nowMs),
  };
}
