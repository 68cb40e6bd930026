import { cellAtLatLng, type H3Cell, type LatLng } from './cell';

/**
 * The cell each sensor stands in, remembered with the position it was computed
 * from: a sensor that reports from the same place again gets its cell without a
 * new `latLngToCell`, and one that moves gets the new cell from its next
 * message on. At most `capacity` sensors are remembered; past that the oldest
 * entry is forgotten (Map order is insertion order).
 */
export class SensorCellCache {
  private readonly bySensor = new Map<string, { lat: number; lng: number; cell: H3Cell }>();

  constructor(
    readonly resolution: number,
    private readonly capacity = 200_000,
  ) {}

  /** The cell of `at` for `sensorId` at this cache's resolution. */
  cellOf(sensorId: string, at: LatLng): H3Cell {
    const known = this.bySensor.get(sensorId);
    if (known !== undefined && known.lat === at.lat && known.lng === at.lng) return known.cell;
    const cell = cellAtLatLng(at, this.resolution);
    if (known !== undefined) {
      known.lat = at.lat;
      known.lng = at.lng;
      known.cell = cell;
      return cell;
    }
    if (this.bySensor.size >= this.capacity) this.bySensor.delete(this.bySensor.keys().next().value!);
    this.bySensor.set(sensorId, { lat: at.lat, lng: at.lng, cell });
    return cell;
  }

  /** Sensors remembered. */
  get size(): number {
    return this.bySensor.size;
  }
}
