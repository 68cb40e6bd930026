import { findAppealCategory } from './categories';
import { APPEAL_CHANNELS, type AppealChannel } from './appeal-workflow';
import { fnv1a64, readCoordinates, type AppealContact, type ImportCity, type ImportRowResult } from './appeal-import-record';
import { parseNyc311Time } from './nyc311-row';

const OFFSET_SUFFIX = /(Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO time; one without an offset is read in the city's time zone. */
function readTime(text: string, timeZone: string): number | undefined {
  if (OFFSET_SUFFIX.test(text.trim())) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return parseNyc311Time(text, timeZone);
}

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = String(value).trim();
  return trimmed === '' ? null : trimmed;
}

function contactOf(row: Readonly<Record<string, unknown>>): AppealContact | null {
  const nested = (typeof row['contact'] === 'object' && row['contact'] !== null ? row['contact'] : {}) as Record<string, unknown>;
  const contact = {
    name: text(nested['name'] ?? row['contactName']),
    phone: text(nested['phone'] ?? row['contactPhone']),
    email: text(nested['email'] ?? row['contactEmail']),
  };
  return contact.name || contact.phone || contact.email ? contact : null;
}

/**
 * A row of the CityTwin import format: the `POST /api/appeals` fields
 * (`category, channel, description, lat, lng, address, receivedAt`) plus
 * `externalId` and `contact` (or flat `contactName/contactPhone/contactEmail` in CSV).
 * Rows without `externalId` get one hashed from their content, so re-imports are idempotent.
 */
export function readCitytwinRow(row: Readonly<Record<string, unknown>>, city: ImportCity): ImportRowResult {
  const category = text(row['category']) ?? '';
  if (!findAppealCategory(category)) return { ok: false, reason: `category "${category}" is not an appeal category code` };
  const channel = (text(row['channel']) ?? 'hotline') as AppealChannel;
  if (!APPEAL_CHANNELS.includes(channel)) return { ok: false, reason: `channel "${channel}" is not one of ${APPEAL_CHANNELS.join(', ')}` };
  const receivedText = text(row['receivedAt']) ?? '';
  const receivedAtMs = readTime(receivedText, city.timeZone);
  if (receivedAtMs === undefined) return { ok: false, reason: `receivedAt "${receivedText}" is not a date-time` };
  const point = readCoordinates(row['lat'], row['lng'], city);
  if (typeof point === 'string') return { ok: false, reason: point };
  const description = text(row['description']);
  const address = text(row['address']);
  const externalId = text(row['externalId']) ?? `row:${fnv1a64(JSON.stringify([category, channel, receivedAtMs, point.lat, point.lng, description, address]))}`;
  return {
    ok: true,
    record: { externalId, category, channel, description, ...point, address, receivedAtMs, steps: [], contact: contactOf(row) },
  };
}
