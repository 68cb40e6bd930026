import type { LatLng } from '../grid/cell';
import type { Reading } from '../types';
import { cellForLocation, checkMetricValue, checkTimestampWindow, resolveLocation, type ParsedPayload, type PayloadContext } from './native-payload';
import type { Reject } from './reject-reasons';

/** Media type of a SenML JSON pack (RFC 8428 §6); MQTT v5 publishers may set it as content type. */
export const SENML_CONTENT_TYPE = 'application/senml+json';

/** SenML times below 2^28 s are relative to now (RFC 8428 §4.5.3). */
export const SENML_RELATIVE_TIME_LIMIT_S = 2 ** 28;

// RFC 8428 §4.5.1: a name starts with a letter or digit and uses only these characters.
const SENML_NAME = /^[A-Za-z0-9][A-Za-z0-9\-:./_]*$/;

/** One record with its base fields applied (RFC 8428 §4.6 "resolved" form). */
export interface ResolvedSenmlRecord {
  /** Position in the pack, for dead-letter details. */
  index: number;
  name: string;
  /** Absolute time, epoch seconds. */
  timeS: number;
  value: number | boolean | undefined;
  unit: string | undefined;
}

interface BaseFields {
  bn: string;
  bt: number;
  bv: number;
  bu: string | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeProblem(record: Record<string, unknown>): string | undefined {
  for (const label of ['bn', 'bu', 'n', 'u', 'vs', 'vd'] as const) {
    if (record[label] !== undefined && typeof record[label] !== 'string') return `${label} must be a string`;
  }
  for (const label of ['bt', 'bv', 't', 'v', 's', 'bver'] as const) {
    if (record[label] !== undefined && typeof record[label] !== 'number') return `${label} must be a number`;
  }
  if (record['vb'] !== undefined && typeof record['vb'] !== 'boolean') return 'vb must be a boolean';
  return undefined;
}

function recordReject(record: Record<string, unknown>, index: number): Reject | undefined {
  let mustUnderstand: string | undefined;
  for (const label in record) {
    if (label.endsWith('_')) {
      mustUnderstand = label;
      break;
    }
  }
  if (mustUnderstand !== undefined) return { reason: 'senml_must_understand', detail: `record ${index}: label "${mustUnderstand}" must be understood and is not` };
  const problem = typeProblem(record);
  if (problem) return { reason: 'wrong_type', detail: `record ${index}: ${problem}` };
  return undefined;
}

function updateBase(base: BaseFields, record: Record<string, unknown>): void {
  if (typeof record['bn'] === 'string') base.bn = record['bn'];
  if (typeof record['bt'] === 'number') base.bt = record['bt'];
  if (typeof record['bv'] === 'number') base.bv = record['bv'];
  if (typeof record['bu'] === 'string') base.bu = record['bu'];
}

function resolveValue(record: Record<string, unknown>, base: BaseFields): number | boolean | undefined {
  if (typeof record['v'] === 'number') return base.bv + record['v'];
  if (typeof record['vb'] === 'boolean') return record['vb'];
  if (record['vs'] === undefined && record['vd'] === undefined && record['s'] === undefined && base.bv !== 0) return base.bv;
  return undefined;
}

/**
 * Applies base fields (bn, bt, bv, bu) to every record, in order, as RFC 8428
 * §4.6 resolves a pack; relative times (< 2^28 s) are taken from `nowS`.
 * Records that cannot be resolved are returned as rejects, the others kept.
 * @example resolveSenmlRecords([{ bn: 'aq-1/', bt: 1.7e9, n: 'pm25', v: 35 }], 1.7e9)
 */
export function resolveSenmlRecords(pack: readonly unknown[], nowS: number): { records: ResolvedSenmlRecord[]; rejects: Reject[] } {
  const base: BaseFields = { bn: '', bt: 0, bv: 0, bu: undefined };
  const records: ResolvedSenmlRecord[] = [];
  const rejects: Reject[] = [];
  // Records of a pack mostly repeat one name: join and check it once per change.
  let lastBn: string | undefined;
  let lastN: string | undefined;
  let name = '';
  let nameOk = false;
  pack.forEach((entry, index) => {
    if (!isRecord(entry)) {
      rejects.push({ reason: 'wrong_type', detail: `record ${index} is not an object` });
      return;
    }
    const problem = recordReject(entry, index);
    if (problem) return void rejects.push(problem);
    updateBase(base, entry);
    const n = typeof entry['n'] === 'string' ? entry['n'] : '';
    if (n !== lastN || base.bn !== lastBn) {
      lastBn = base.bn;
      lastN = n;
      name = base.bn + n;
      nameOk = SENML_NAME.test(name);
    }
    if (!nameOk) return void rejects.push({ reason: 'bad_senml_name', detail: `record ${index}: name "${name}" is not a SenML name` });
    const time = base.bt + (typeof entry['t'] === 'number' ? entry['t'] : 0);
    const timeS = time < SENML_RELATIVE_TIME_LIMIT_S ? nowS + time : time;
    const unit = typeof entry['u'] === 'string' ? entry['u'] : base.bu;
    records.push({ index, name, timeS, value: resolveValue(entry, base), unit });
  });
  return { records, rejects };
}

/** The metric part of a SenML name: what follows the last `/` or `:` (`urn:dev:ow:10e2:pm25` -> `pm25`). */
export function senmlMetricName(name: string): string {
  if (name === lastMetricOf.name) return lastMetricOf.metric;
  const cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf(':'));
  lastMetricOf.name = name;
  lastMetricOf.metric = name.slice(cut + 1);
  return lastMetricOf.metric;
}

// The last name asked about: records of a pack repeat their names.
const lastMetricOf = { name: '', metric: '' };

function packLocation(records: readonly ResolvedSenmlRecord[]): { lat: unknown; lng: unknown; indices: Set<number> } {
  let lat: unknown;
  let lng: unknown;
  const indices = new Set<number>();
  for (const record of records) {
    const metric = senmlMetricName(record.name);
    if (metric === 'lat') lat = record.value;
    else if (metric === 'lon') lng = record.value;
    else continue;
    indices.add(record.index);
  }
  return { lat, lng, indices };
}

function toReading(record: ResolvedSenmlRecord, context: PayloadContext, cell: string): Reading | Reject {
  const metric = senmlMetricName(record.name);
  const value = typeof record.value === 'boolean' ? (record.value ? 1 : 0) : record.value;
  if (value === undefined) return { reason: 'wrong_type', detail: `record ${record.index}: ${record.name} has no numeric value` };
  const problem = checkMetricValue(metric, value);
  if (problem) return { ...problem, detail: `record ${record.index}: ${problem.detail}` };
  if (!Number.isFinite(record.timeS)) return { reason: 'bad_timestamp', detail: `record ${record.index}: time is not finite` };
  const tsMs = Math.round(record.timeS * 1000);
  const window = checkTimestampWindow(tsMs, context);
  if (window) return { ...window, detail: `record ${record.index}: ${window.detail}` };
  return { sensorId: context.sensorId, metric: metric as Reading['metric'], tsMs, value, cell };
}

/**
 * Parses and validates a SenML JSON pack (RFC 8428) sent on a sensor's topic.
 * Each record's metric is the last segment of its resolved name (bn + n);
 * records named `lat`/`lon` give the location of the whole pack, else the
 * sensor registry does. A bad record is refused alone; the others are kept.
 * @example parseSenmlPack('[{"bn":"aq-1/","bt":1.7e9,"n":"pm25","v":35}]', context)
 */
export function parseSenmlPack(text: string, context: PayloadContext): ParsedPayload {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { readings: [], rejects: [{ reason: 'bad_json', detail: 'payload is not valid JSON' }], location: null };
  }
  if (!Array.isArray(body) || body.length === 0) {
    return { readings: [], rejects: [{ reason: 'wrong_type', detail: 'a SenML pack must be a non-empty JSON array' }], location: null };
  }
  const { records, rejects } = resolveSenmlRecords(body, context.nowMs / 1000);
  const where = packLocation(records);
  const place = resolveLocation(where.lat, where.lng, context);
  const measured = records.filter((record) => !where.indices.has(record.index));
  if ('reason' in place) {
    if (measured.length > 0 || rejects.length === 0) rejects.push(place);
    return { readings: [], rejects, location: null };
  }
  const cell = cellForLocation(place.location, context);
  const readings: Reading[] = [];
  for (const record of measured) {
    const outcome = toReading(record, context, cell);
    if ('reason' in outcome) rejects.push(outcome);
    else readings.push(outcome);
  }
  return { readings, rejects, location: place.fromPayload ? (place.location as LatLng) : null };
}
