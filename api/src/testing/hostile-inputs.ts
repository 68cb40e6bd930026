import { SeededRandom } from '@citytwin/simulators';
/** Strings a hostile or careless client sends where a value is expected. */
export const HOSTILE_VALUES: readonly string[] = [
  '', ' ', 'zzz', '8f2830828052d25', 'ffffffffffffffff', '0', '892830828', '8928308280fffff', '8a2a1072b59ffff0',
  '-1', '1e308', '-1e308', '99999999999999999999999', 'NaN', 'Infinity', '-0', '0x10', '1.5', '2147483648', '9007199254740993',
  "' OR 1=1--", "'; DROP TABLE appeals;--", '" OR ""="', '1; SELECT pg_sleep(10)', '$1', '\\', '%', '_', '%00', 'a\u0000b',
  '<script>alert(1)</script>', '../../../../etc/passwd', '..%2f..%2fetc%2fpasswd', '${7*7}', '{{7*7}}', '$(id)', '`id`',
  '{"$ne":null}', '[]', '{}', 'null', 'true', 'undefined', '__proto__', 'constructor',
  '北京市东城区', '\u202egnp.exe', '😀'.repeat(64), '\uFFFF', '\uD800', 'Ａ', 'e\u0301', 'x'.repeat(5000),
  '2026-13-45T25:61:61Z', '2026-06-01T12:00:00Z', '1970-01-01', '9999-12-31T23:59:59Z', '-271821-04-20T00:00:00Z',
  'physical', 'human', 'noise_db', 'noise', 'pm25', 'hot', 'open', 'closed', 'received', 'nyc311', 'citytwin',
];

/** Query parameter names the routes take (and some they do not). */
export const PARAMETER_NAMES: readonly string[] = [
  'layer', 'metric', 'category', 'status', 'res', 'from', 'to', 'rings', 'fdr', 'k', 'limit', 'offset', 'level', 'h3', 'bbox',
  'format', 'rowOffset', 'service_code', 'service_request_id', 'start_date', 'end_date', 'lat', 'long', 'api_key', 'reason',
  'window', 'lags', 'steps', 'stepS', 'baselineWeeks', 'sort', 'q', '__proto__', 'constructor[prototype][x]',
];

/** Content types a body may be mislabelled with. */
export const CONTENT_TYPES: readonly string[] = [
  'application/json', 'text/plain', 'application/xml', 'text/csv', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x',
  'application/json; charset=utf-16', 'application/octet-stream', 'image/png', '', 'application/json;;;', 'application/vnd.api+json',
];

function hostileJson(random: SeededRandom, depth: number): unknown {
  const kind = random.next();
  if (depth > 3 || kind < 0.35) return random.pick<unknown>([random.pick(HOSTILE_VALUES), 1e308, -1, 0, Number.MAX_SAFE_INTEGER + 2, true, null, 3.14]);
  if (kind < 0.55) return Array.from({ length: Math.floor(random.next() * 5) }, () => hostileJson(random, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = 0; i < 1 + Math.floor(random.next() * 6); i++) {
    object[random.pick([...PARAMETER_NAMES, 'contact', 'description', 'lng', 'channel', 'to', 'departments', 'id', 'sensorId', 'values'])] = hostileJson(random, depth + 1);
  }
  return object;
}

/** A hostile body and its declared content type. */
export function hostileBody(random: SeededRandom): { payload: string; contentType: string } {
  const shape = random.next();
  if (shape < 0.5) return { payload: JSON.stringify(hostileJson(random, 0)), contentType: 'application/json' };
  if (shape < 0.6) return { payload: '{"category": "noise", "lat": 39.9,', contentType: 'application/json' };
  if (shape < 0.65) return { payload: `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`, contentType: 'application/json' };
  if (shape < 0.7) return { payload: JSON.stringify({ description: 'x'.repeat(70 * 1024) }), contentType: 'application/json' };
  if (shape < 0.8) return { payload: `service_code=${encodeLoosely(random.pick(HOSTILE_VALUES))}&lat=${encodeLoosely(random.pick(HOSTILE_VALUES))}&long=1`, contentType: 'application/x-www-form-urlencoded' };
  return { payload: random.pick(HOSTILE_VALUES), contentType: random.pick(CONTENT_TYPES) };
}

/** Percent-encodes text; a lone surrogate (not encodable) becomes the bytes of one, itself invalid UTF-8. */
export function encodeLoosely(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

/** A query string of 1-4 parameters with hostile values (sometimes one parameter repeated). */
export function hostileQuery(random: SeededRandom): string {
  const parts: string[] = [];
  for (let i = 0; i < 1 + Math.floor(random.next() * 4); i++) {
    parts.push(`${encodeLoosely(random.pick(PARAMETER_NAMES))}=${encodeLoosely(random.pick(HOSTILE_VALUES))}`);
  }
  if (random.next() < 0.1) parts.push(parts[0]!);
  if (random.next() < 0.05) parts.push('%E0%A4%A=1', 'a[b][c][d][e][f]=1');
  return parts.join('&');
}

/** Frames a hostile live-channel client sends. */
export function hostileFrames(random: SeededRandom, count: number): Array<string | Buffer> {
  const frames: Array<string | Buffer> = [Buffer.from([0, 1, 2, 255]), 'not json', '{', 'null', '[]', '"subscribe"', JSON.stringify({ type: 'subscribe' }),
    JSON.stringify({ type: 'subscribe', layers: ['human'], res: 99 }), JSON.stringify({ type: 'subscribe', layers: 'physical', res: 'x' }),
    JSON.stringify({ type: 'subscribe', layers: ['physical'], metric: "'; DROP TABLE readings;--", res: 9, bbox: [1e308, -1e308, 'a', null] }),
    JSON.stringify({ type: '__proto__', constructor: { prototype: { polluted: true } } })];
  while (frames.length < count) frames.push(random.next() < 0.5 ? JSON.stringify({ type: random.pick(['subscribe', 'unsubscribe', 'ping', random.pick(HOSTILE_VALUES)]), ...(hostileJson(random, 1) as object) }) : random.pick(HOSTILE_VALUES));
  return frames;
}
