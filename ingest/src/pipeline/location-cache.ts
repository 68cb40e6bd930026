import type { Logger } from 'pino';
import type { LatLng } from '@citytwin/shared';
import { listSensorLocations, type Db } from '@citytwin/store';

/**
 * Where each known sensor stands, for readings that carry no location. Filled
 * from the registry at start, from meta messages and payload locations, and
 * re-read from the store every few seconds (sensors registered over HTTP).
 */
export class LocationCache {
  private readonly byId = new Map<string, LatLng>();

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
  ) {}

  /** The location of `sensorId`, or null. Bound, so it can be passed around. */
  readonly lookup = (sensorId: string): LatLng | null => this.byId.get(sensorId) ?? null;

  remember(sensorId: string, at: LatLng): void {
    this.byId.set(sensorId, at);
  }

  async refresh(): Promise<void> {
    try {
      for (const sensor of await listSensorLocations(this.db)) this.byId.set(sensor.id, { lat: sensor.lat, lng: sensor.lng });
    } catch (error) {
      this.logger.debug({ err: error }, 'sensor locations not refreshed');
    }
  }
}
