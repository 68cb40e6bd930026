import { SeededRandom } from '../random/seeded-random';
import { pause, type Pacer } from '../time/pacer';
import type { PlannedAppeal } from './appeal-stream';
import { EventQueue, planWorkflow, type PlannedEvent } from './appeal-workflow';
import type { AppealsClient } from './appeals-client';

export interface AppealRunOptions {
  /** Stop with the first appeal or event stamped after this instant. */
  endMs: number;
  /** Move each appeal through dispatch, response, resolution and rating. */
  workflow: boolean;
  /** Create appeals through Open311 instead of the native API. */
  open311: boolean;
  seed: number;
  signal?: AbortSignal;
  /** Requests in flight at once (default 4); one appeal's events always go one after another. */
  concurrency?: number;
  /** Workflow events held at most (a live run plans days ahead); appeals past it get no workflow. Default 50,000. */
  maxPendingEvents?: number;
  /** Called for each appeal the API accepted. */
  onCreated?: (appeal: PlannedAppeal, id: string) => void;
}

/** Requests in flight, bounded; one appeal's events chained so they arrive in order. */
class RequestPool {
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(readonly limit: number) {}

  get full(): boolean {
    return this.inFlight.size >= this.limit;
  }

  add(work: Promise<unknown>): void {
    const tracked = work.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  chain(key: string, work: () => Promise<unknown>): void {
    const next = (this.chains.get(key) ?? Promise.resolve()).then(work);
    this.chains.set(key, next);
    this.add(next.finally(() => this.chains.get(key) === next && this.chains.delete(key)));
  }

  async waitForSlot(): Promise<void> {
    if (this.inFlight.size > 0) await Promise.race(this.inFlight);
  }

  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }
}

/**
 * Sends planned appeals, and then their workflow events, each when the pacer
 * says its simulated time has come, a few requests at a time.
 */
export async function runAppeals(source: { peekTsMs(): number; next(): PlannedAppeal }, client: AppealsClient, pacer: Pacer, options: AppealRunOptions): Promise<void> {
  const queue = new EventQueue();
  const pool = new RequestPool(options.concurrency ?? 4);
  let created = 0;
  const create = async (appeal: PlannedAppeal, index: number) => {
    const id = options.open311 ? await client.createOpen311Request(appeal.body) : await client.createAppeal(appeal.body);
    if (id === undefined) return;
    options.onCreated?.(appeal, id);
    // A random stream per appeal keeps workflows deterministic whatever order requests finish in.
    if (options.workflow && queue.size < (options.maxPendingEvents ?? 50_000)) queue.add(planWorkflow(id, appeal.body.category, appeal.tsMs, new SeededRandom((options.seed ^ 0x3f1) + index * 7919)));
  };
  const send = (event: PlannedEvent) => pool.chain(event.appealId, () => client.addEvent(event.appealId, event.body));
  for (;;) {
    while (!options.signal?.aborted) {
      const useEvent = queue.peekTsMs() < source.peekTsMs();
      const tsMs = useEvent ? queue.peekTsMs() : source.peekTsMs();
      if (tsMs > options.endMs) break;
      const waitMs = pacer.waitMs(tsMs);
      if (waitMs > 0) await pause(Math.min(waitMs, 200), options.signal);
      else if (pool.full) await pool.waitForSlot();
      else if (useEvent) send(queue.next());
      else pool.add(create(source.next(), created++));
    }
    await pool.drain();
    // Appeals created while draining may have planned events still inside the window.
    if (options.signal?.aborted || queue.peekTsMs() > options.endMs) return;
  }
}
