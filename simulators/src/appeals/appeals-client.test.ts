import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppealBody } from './appeal-stream';
import { AppealsClient } from './appeals-client';

const NOW = Date.parse('2026-12-01T12:00:00Z');

/** What the server tells a request, by how many times that same appeal has been sent before. */
type Answer = (reply: FastifyReply, attempt: number) => FastifyReply | undefined;

/** A stand-in API that stores what it accepts and answers each resend of an appeal as the test plans. */
class PlannedApi {
  readonly app: FastifyInstance = Fastify();
  readonly stored: Array<{ id: string; key: string }> = [];
  readonly events: string[] = [];
  readonly attempts = new Map<string, number>();
  answer: Answer = () => undefined;

  constructor() {
    const handle = (key: string, reply: FastifyReply, store: () => unknown) => {
      const attempt = this.attempts.get(key) ?? 0;
      this.attempts.set(key, attempt + 1);
      return this.answer(reply, attempt) ?? reply.code(201).send(store());
    };
    this.app.post<{ Body: AppealBody }>('/api/appeals', (request, reply) => handle(request.body.description, reply, () => {
      const appeal = { id: randomUUID(), key: request.body.description };
      this.stored.push(appeal);
      return { id: appeal.id };
    }));
    this.app.post<{ Params: { id: string }; Body: { to: string } }>('/api/appeals/:id/events', (request, reply) => handle(`${request.params.id}:${request.body.to}`, reply, () => {
      this.events.push(`${request.params.id}:${request.body.to}`);
      return {};
    }));
    this.app.post<{ Body: { description: string } }>('/open311/v2/requests.json', (request, reply) => handle(request.body.description, reply, () => {
      const appeal = { id: randomUUID(), key: request.body.description };
      this.stored.push(appeal);
      return [{ service_request_id: appeal.id }];
    }));
  }

  reset(answer: Answer): void {
    this.stored.length = 0;
    this.events.length = 0;
    this.attempts.clear();
    this.answer = answer;
  }
}

const appeal = (n: number): AppealBody => ({ category: 'noise', channel: 'app', description: `appeal ${n}`, lat: 39.9, lng: 116.4, receivedAt: '2026-12-01T11:00:00Z' });

describe('AppealsClient against a server that rate-limits', () => {
  const api = new PlannedApi();
  let url: string;
  let waits: number[];
  const client = (maxRetries?: number) => new AppealsClient(url, 'op-key', {
    clock: () => NOW, sleep: async (ms) => void waits.push(ms), ...(maxRetries === undefined ? {} : { retry: { maxRetries } }),
  });

  beforeAll(async () => {
    url = await api.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await api.app.close();
  });
  beforeEach(() => {
    waits = [];
  });

  it('waits as Retry-After says (seconds, then a date), backs off on a 503 without one, and stores each appeal once', async () => {
    api.reset((reply, attempt) => {
      if (attempt === 0) return reply.code(429).header('retry-after', '2').send({ code: 'CT_ERR_RATE_LIMITED' });
      if (attempt === 1) return reply.code(429).header('retry-after', new Date(NOW + 7000).toUTCString()).send({ code: 'CT_ERR_RATE_LIMITED' });
      if (attempt === 2) return reply.code(503).send({ code: 'CT_ERR_UNAVAILABLE' });
      return undefined;
    });
    const appeals = client();
    const ids = await Promise.all([1, 2, 3].map((n) => appeals.createAppeal(appeal(n))));
    expect(api.stored.map((stored) => stored.key).sort()).toEqual(['appeal 1', 'appeal 2', 'appeal 3']);
    expect(ids.sort()).toEqual(api.stored.map((stored) => stored.id).sort());
    // Per appeal: 2 s, then 7 s, then the third retry's backoff of 500 ms x 2^2.
    expect(waits.sort((a, b) => a - b)).toEqual([2000, 2000, 2000, 2000, 2000, 2000, 7000, 7000, 7000]);
    expect(appeals.stats).toMatchObject({ appeals: 3, errors: 0, retried: 9, lastError: null });
  });

  it('retries workflow events and Open311 requests the same way', async () => {
    api.reset((reply, attempt) => (attempt === 0 ? reply.code(429).header('retry-after', '1').send({}) : undefined));
    const appeals = client();
    const id = await appeals.createOpen311Request(appeal(4));
    expect(await appeals.addEvent(id!, { to: 'dispatched', at: '2026-12-01T11:30:00Z' })).toBe(true);
    expect(api.stored.map((stored) => stored.key)).toEqual(['appeal 4']);
    expect(api.events).toEqual([`${id}:dispatched`]);
    expect(waits).toEqual([1000, 1000]);
    expect(appeals.stats).toMatchObject({ appeals: 1, events: 1, errors: 0, retried: 2 });
  });

  it('never resends after an answer that may follow a stored appeal (a 500), so it is stored once and counted as an error', async () => {
    api.reset((reply, attempt) => {
      if (attempt > 0) return undefined;
      api.stored.push({ id: 'stored-then-failed', key: 'appeal 5' });
      return reply.code(500).send({ code: 'CT_ERR_INTERNAL' });
    });
    const appeals = client();
    expect(await appeals.createAppeal(appeal(5))).toBeUndefined();
    expect(api.stored).toEqual([{ id: 'stored-then-failed', key: 'appeal 5' }]);
    expect(api.attempts.get('appeal 5')).toBe(1);
    expect(waits).toEqual([]);
    expect(appeals.stats).toMatchObject({ appeals: 0, errors: 1, retried: 0 });
  });

  it('gives up after maxRetries resends and counts the appeal as an error', async () => {
    api.reset((reply) => reply.code(429).header('retry-after', '1').send({}));
    const appeals = client(3);
    expect(await appeals.createAppeal(appeal(6))).toBeUndefined();
    expect(api.attempts.get('appeal 6')).toBe(4);
    expect(api.stored).toEqual([]);
    expect(waits).toEqual([1000, 1000, 1000]);
    expect(appeals.stats.errors).toBe(1);
    expect(appeals.stats.lastError).toMatch(/^POST \/api\/appeals 429/);
  });
});
