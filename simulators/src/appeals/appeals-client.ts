import type { AppealBody } from './appeal-stream';
import type { AppealEventBody } from './appeal-workflow';

/** Counters of what the API accepted. */
export interface AppealClientStats {
  appeals: number;
  events: number;
  errors: number;
  /** Workflow events refused with 404 (the events endpoint is missing or the appeal unknown). */
  eventsNotFound: number;
  lastError: string | null;
}

/**
 * Talks to the CityTwin appeals API as an operator: `POST /api/appeals`,
 * `POST /api/appeals/:id/events`, or Open311 `POST /open311/v2/requests.json`.
 */
export class AppealsClient {
  readonly stats: AppealClientStats = { appeals: 0, events: 0, errors: 0, eventsNotFound: 0, lastError: null };

  constructor(private readonly apiUrl: string, private readonly apiKey: string) {}

  private async post(path: string, body: unknown): Promise<Response> {
    return fetch(`${this.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.apiKey}` },
      body: JSON.stringify(body),
    });
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
