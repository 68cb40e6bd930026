import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config/config';
import { SeededRandom } from '@citytwin/simulators';
import { HOSTILE_VALUES, hostileBody, hostileFrames, hostileQuery } from '../testing/hostile-inputs';
import { fillRoute, routeRequests, type RouteRequest } from '../testing/route-requests';
import { openTestApp, type TestApp } from '../testing/test-app';

const KEYS = { operator: 'fz-operator', planner: 'fz-planner', open311: 'fz-open311' };
const CANARY = { name: 'Canary Zhangsan', phone: '+86 138 0013 8000', email: 'canary.resident@example.org', text: 'CANARY-FREE-TEXT-7319' };
const SPOT = { lat: 39.9139, lng: 116.4005 };
const VARIANTS_PER_ROUTE = 60;
/** What a response must never contain: stack frames, source paths, SQL. */
const INTERNALS = [/\bat [^\s]+ \(?[^\s]+:\d+:\d+\)?/, /node_modules/, new RegExp(REPO_ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/, /syntax error at or near/];

type Caller = 'anonymous' | 'planner' | 'open311';

/** A body without the hostile values a client sent, which an error message may rightly quote back. */
function withoutEchoes(body: string): string {
  return HOSTILE_VALUES.filter((value) => value.length > 3).reduce((text, value) => text.split(value).join('').split(JSON.stringify(value).slice(1, -1)).join(''), body);
}

interface Sent {
  key: string;
  caller: Caller;
  method: string;
  url: string;
  contentType?: string;
  payloadBytes?: number;
}

function authorization(random: SeededRandom, caller: Caller): Record<string, string> {
  if (caller !== 'anonymous') return { authorization: `Bearer ${KEYS[caller]}` };
  const roll = random.next();
  if (roll < 0.8) return {};
  if (roll < 0.9) return { authorization: `Bearer ${random.pick(HOSTILE_VALUES)}` };
  return { authorization: random.pick(['Basic YWRtaW46YWRtaW4=', 'Bearer', 'bearer fz-operator', `Bearer ct_00000000_${'A'.repeat(43)}`]) };
}

function variantsOf(request: RouteRequest, random: SeededRandom): Array<Omit<Sent, 'caller'> & { payload?: string }> {
  const out: Array<Omit<Sent, 'caller'> & { payload?: string }> = [];
  const hasParams = request.route.includes(':');
  for (let i = 0; i < VARIANTS_PER_ROUTE; i++) {
    const path = hasParams && random.next() < 0.6 ? fillRoute(request.route, () => random.pick(HOSTILE_VALUES)) : request.url;
    const url = `${path}?${hostileQuery(random)}`;
    if (request.method === 'POST' && random.next() < 0.8) {
      const body = hostileBody(random);
      out.push({ key: request.key, method: 'POST', url, payload: body.payload, contentType: body.contentType, payloadBytes: Buffer.byteLength(body.payload) });
    } else {
      out.push({ key: request.key, method: random.next() < 0.05 ? random.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) : request.method, url });
    }
  }
  return out;
}

describe('hostile requests against every registered route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ env: { API_KEYS: Object.entries(KEYS).map(([role, key]) => `${key}=${role}`).join(','), RATE_LIMIT_ANONYMOUS: '1000000', RATE_LIMIT_KEYED: '1000000' } });
    for (let i = 0; i < 3; i++) {
      const created = await t.app.inject({
        method: 'POST', url: '/api/appeals', headers: { authorization: `Bearer ${KEYS.operator}` },
        payload: { category: 'noise.construction', channel: 'hotline', description: CANARY.text, ...SPOT, contact: { name: CANARY.name, phone: CANARY.phone, email: CANARY.email } },
      });
      expect(created.statusCode).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('never answers 5xx, never shows internals or personal data to a caller without the role, and keeps serving', async () => {
    const random = new SeededRandom(13);
    const byStatus = new Map<number, number>();
    const failures: string[] = [];
    const requests = routeRequests(t.app.routeCatalogue, { includeHidden: true }).filter((request) => !request.websocket);
    let sent = 0;
    for (const request of requests) {
      for (const variant of variantsOf(request, random)) {
        const caller = random.pick<Caller>(['anonymous', 'anonymous', 'planner', 'open311']);
        const headers = { ...authorization(random, caller), ...(variant.contentType !== undefined ? { 'content-type': variant.contentType } : {}) };
        const response = await t.app.inject({ method: variant.method as 'GET', url: variant.url, headers, ...(variant.payload !== undefined ? { payload: variant.payload } : {}) });
        sent += 1;
        byStatus.set(response.statusCode, (byStatus.get(response.statusCode) ?? 0) + 1);
        const body = response.body;
        const where = `${variant.method} ${variant.url.slice(0, 160)} as ${caller}${variant.contentType !== undefined ? ` (${variant.contentType}, ${variant.payloadBytes} B)` : ''}`;
        if (response.statusCode >= 500) failures.push(`${response.statusCode} from ${where}: ${body.slice(0, 200)}`);
        const internal = INTERNALS.find((pattern) => pattern.test(withoutEchoes(body)));
        if (internal) failures.push(`internals (${internal}) from ${where}: ${body.slice(0, 200)}`);
        if ([CANARY.name, CANARY.phone, CANARY.email].some((value) => body.includes(value))) failures.push(`contact data to ${caller} from ${where}`);
        if (caller === 'anonymous' && body.includes(CANARY.text)) failures.push(`free text to anonymous from ${where}`);
      }
    }
    const health = await t.app.inject({ url: '/api/health' });
    const totals = { requests: sent, routes: requests.length, byStatus: Object.fromEntries([...byStatus].sort(([a], [b]) => a - b)), fiveXx: [...byStatus].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0) };
    console.log(`hostile requests: ${JSON.stringify(totals)}`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
    expect(health.statusCode).toBe(200);
  });

  it('answers bad live-channel frames with error messages and keeps the socket and the server up', async () => {
    if (!t.app.routeCatalogue.some((route) => route.url === '/api/live' && route.websocket)) return;
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/live`);
    const received: string[] = [];
    socket.on('message', (data) => received.push(data.toString()));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const frames = hostileFrames(new SeededRandom(311), 400);
    for (const frame of frames) socket.send(frame);
    socket.send(JSON.stringify({ type: 'subscribe', layers: ['human'], res: 8 }));
    const deadline = Date.now() + 20_000;
    while (!received.some((text) => text.includes('"snapshot"')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const errors = received.filter((text) => text.includes('"error"')).length;
    console.log(`hostile live frames: ${JSON.stringify({ frames: frames.length, errorReplies: errors, messages: received.length })}`);
    expect(socket.readyState).toBe(WebSocket.OPEN);
    expect(errors).toBeGreaterThan(0);
    expect(received.some((text) => text.includes('"snapshot"'))).toBe(true);
    expect(received.some((text) => [CANARY.name, CANARY.phone, CANARY.email, CANARY.text].some((value) => text.includes(value)))).toBe(false);
    socket.close();
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
  });
});
