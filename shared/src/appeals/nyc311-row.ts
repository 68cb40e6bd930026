import { nyc311Category, nyc311Channel } from './nyc311-categories';
import { readCoordinates, type ImportCity, type ImportedStep, type ImportRowResult } from './appeal-import-record';
import { localToUtcMs } from './zoned-time';

const US_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AP]M))?)?$/i;
const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?: ?UTC)?$/;

function hour12(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem.toUpperCase() === 'PM';
  return (hour % 12) + (pm ? 12 : 0);
}

/**
 * Reads a NYC 311 time as NYC wall-clock time: `05/01/2022 12:00:03 AM` (Open
 * Data) or `2016-01-22 16:51:00 UTC` (the BigQuery export, whose "UTC" label is
 * wrong: its noise complaints peak at 23:00, so the clock is local).
 * @returns epoch ms, or undefined when the text is no such time.
 */
export function parseNyc311Time(text: string, timeZone: string): number | undefined {
  const trimmed = text.trim();
  const us = US_TIME.exec(trimmed);
  const iso = us ? undefined : ISO_LIKE.exec(trimmed);
  if (!us && !iso) return undefined;
  const local = us
    ? { year: +us[3]!, month: +us[1]!, day: +us[2]!, hour: hour12(+(us[4] ?? 0), us[7]), minute: +(us[5] ?? 0), second: +(us[6] ?? 0) }
    : { year: +iso![1]!, month: +iso![2]!, day: +iso![3]!, hour: +(iso![4] ?? 0), minute: +(iso![5] ?? 0), second: +(iso![6] ?? 0) };
  if (local.month < 1 || local.month > 12 || local.day < 1 || local.day > 31 || local.hour > 23 || local.minute > 59 || local.second > 59) return undefined;
  return localToUtcMs(local, timeZone);
}

/** A field under either of its names (Open Data `Unique Key`, BigQuery export `key`). */
function field(row: Readonly<Record<string, string | undefined>>, ...names: string[]): string {
  for (const name of names) {
    const value = row[name];
    if (value !== undefined && value.trim() !== '') return value.trim();
  }
  return '';
}

function stepsOf(row: Readonly<Record<string, string | undefined>>, receivedAtMs: number, timeZone: string): ImportedStep[] {
  const agency = field(row, 'Agency', 'agency');
  if (!agency) return [];
  const steps: ImportedStep[] = [{ to: 'dispatched', atMs: receivedAtMs, departments: [agency] }];
  const closedText = field(row, 'Closed Date', 'closed');
  const closedAtMs = closedText ? parseNyc311Time(closedText, timeZone) : undefined;
  if (field(row, 'Status', 'status').toLowerCase() === 'closed' && closedAtMs !== undefined) {
    const atMs = Math.max(closedAtMs, receivedAtMs);
    steps.push({ to: 'responded', atMs }, { to: 'resolved', atMs });
  }
  return steps;
}

/**
 * One NYC 311 service request (Open Data CSV header names, or the shorter
 * BigQuery export names) as an appeal: category from the complaint type, the
 * agency as the department it was dispatched to, and `Closed` requests
 * responded to and resolved at their Closed Date.
 */
export function readNyc311Row(row: Readonly<Record<string, string | undefined>>, city: ImportCity): ImportRowResult {
  const key = field(row, 'Unique Key', 'key', 'unique_key');
  if (!key) return { ok: false, reason: 'no Unique Key' };
  const createdText = field(row, 'Created Date', 'created', 'created_date');
  const receivedAtMs = parseNyc311Time(createdText, city.timeZone);
  if (receivedAtMs === undefined) return { ok: false, reason: `Created Date "${createdText}" is not a date` };
  const point = readCoordinates(field(row, 'Latitude', 'latitude'), field(row, 'Longitude', 'longitude'), city);
  if (typeof point === 'string') return { ok: false, reason: point };
  const complaintType = field(row, 'Complaint Type', 'complaint_type');
  const descriptor = field(row, 'Descriptor', 'descriptor');
  const street = field(row, 'Incident Address');
  const place = field(row, 'City', 'city', 'Borough');
  return {
    ok: true,
    record: {
      externalId: `nyc311:${key}`,
      category: nyc311Category(complaintType, descriptor),
      channel: nyc311Channel(row['Open Data Channel Type']),
      description: [complaintType, descriptor].filter(Boolean).join(': ') || null,
      ...point,
      address: [street, place].filter(Boolean).join(', ') || null,
      receivedAtMs,
      steps: stepsOf(row, receivedAtMs, city.timeZone),
      contact: null,
    },
  };
}
