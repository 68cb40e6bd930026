import { setTimeout as delay } from 'node:timers/promises';
import type { AppealBody } from './appeal-stream';
import type { AppealEventBody } from './appeal-workflow';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, retryDelayMs, type RetryPolicy } from './retry-after';

/** Counters of what the API accepted. */
export interface AppealClientStats {
  appeals: number;
  events: number;
  errors: number;
  /** Workflow events refused with 404 (the events endpoint is missing or the appeal unknown). */
  eventsNotFound: number;
  /** Requests sent again after a 429 or 503. */
  retried: number;
  lastError: string | null;
}

export interface AppealsClientOptions {
  retry?: Partial<RetryPolicy>;
  /** Waits `ms` (default a timer; tests pass one that records the waits). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Epoch ms, for a `Retry-After` given as a date (default Date.now). */
  clock?: () => number;
  /** Ends a wait early (the run is stopping): the request then counts as an error. */
  signal?: AbortSignal;
}

/**
 * Talks to the CityTwin appeals API as an operator: `POST /api/appeals`,
 * `POST /api/appeals/:id/events`, or Open311 `POST /open311/v2/requests.json`.
 * A 429 or 503 is sent again after the server's `Retry-After` (else an exponential backoff),
 * up to `retry.maxRetries` times; nothing else is resent, so no appeal is stored twice.
 */
export class AppealsClient {
  readonly stats: AppealClientStats = { appeals: 0, events: 0, errors: 0, eventsNotFound: 0, retried: 0, lastError: null };
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly clock: () => number;

  constructor(private readonly apiUrl: string, private readonly apiKey: string, private readonly options: AppealsClientOptions = {}) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, signal ? { signal } : {}));
    this.clock = options.clock ?? Date.now;
  }

  private async post(path: string, body: unknown): Promise<Response> {
    const init = { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${this.apiKey}` }, body: JSON.stringify(body) };
    for (let retry = 1; ; retry += 1) {
      const response = await fetch(`${this.apiUrl}${path}`, init);
      if (!isRetryableStatus(response.status) || retry > this.retry.maxRetries) return response;
      await response.arrayBuffer();
      this.stats.retried += 1;
      await this.sleep(retryDelayMs(response.headers.get('retry-after'), retry, this.clock(), this.retry), this.options.signal);
    }
  }

  private fail(message: string): undefined {
    this.stats.errors += 1;
    this.stats.lastError = message;
    return undefined;
  }

  /** Creates an appeal; its id, or undefined when refused (counted). */
  async createAppeal(body: AppealBody): Promise<string | undefined> {
    try {
      const response = await this.post('/api/appeals', body);
      if (response.status !== 201) return this.fail(`POST /api/appeals ${response.status} ${await response.text()}`);
      this.stats.appeals += 1;
      return ((await response.json()) as { id: string }).id;
    } catch (error) {
      return this.fail(error instanceof Error ? error.message : String(error));
    }
  }

  /** Creates an appeal through Open311 GeoReport v2 (service_code = category); its service_request_id. */
  async createOpen311Request(body: AppealBody): Promise<string | undefined> {
    try {
      const form = { api_key: this.apiKey, service_code: body.category, lat: body.lat, long: body.lng, description: body.description };
      const response = await this.post('/open311/v2/requests.json', form);
      if (response.status >= 300) return this.fail(`POST /open311/v2/requests.json ${response.status} ${await response.text()}`);
      this.stats.appeals += 1;
      const answer = (await response.json()) as Array<{ service_request_id?: string; token?: string }>;
      return answer[0]?.service_request_id ?? answer[0]?.token;
    } catch (error) {
      return this.fail(error instanceof Error ? error.message : String(error));
    }
  }

  /** Moves an appeal on; a 404 is counted apart, as the endpoint may not exist yet. */
  async addEvent(appealId: string, body: AppealEventBody): Promise<boolean> {
    try {
      const response = await this.post(`/api/appeals/${encodeURIComponent(appealId)}/events`, body);
      if (response.status === 404) {
        this.stats.eventsNotFound += 1;
        return false;
      }
      if (response.status >= 300) return this.fail(`POST events ${response.status} ${await response.text()}`) ?? false;
      this.stats.events += 1;
      return true;
    } catch (error) {
      return this.fail(error instanceof Error ? error.message : String(error)) ?? false;
    }
  }
}
