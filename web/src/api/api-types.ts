import type { AppealCategory, MetricCode, MetricSpec } from '@citytwin/shared';

/** `GET /api/city`. */
export interface CityInfo {
  code: string;
  nameZh: string;
  nameEn: string;
  timeZone: string;
  centre: [lng: number, lat: number];
  bounds: [west: number, south: number, east: number, north: number];
  initialView: { zoom: number };
  baseResolution: number;
  metrics: MetricSpec[];
  categories: AppealCategory[];
  /** Credits of the boundary files the outlines come from, shown in the map's attribution control. */
  attribution: string[];
}

/** `GET /api/health` (the fields the page shows). */
export interface HealthInfo {
  status: 'ok' | 'degraded';
  store: 'pglite' | 'postgres' | 'timescaledb';
  broker: 'embedded' | 'external';
}

/** One H3 cell of a layer: hex string, value (mean reading or appeal count) and count. */
export interface CellDatum {
  h3: string;
  value: number;
  count: number;
}

/** `GET /api/cells`. */
export interface CellsResponse {
  layer: 'physical' | 'human';
  res: number;
  metric?: MetricCode;
  category?: string;
  from: string;
  to: string;
  suppressedBelow?: number;
  cells: CellDatum[];
}

/** `GET /api/cells?format=columnar`: the same cells as parallel arrays (cell i at index i). */
export interface CellsColumnarResponse extends Omit<CellsResponse, 'cells'> {
  format: 'columnar';
  length: number;
  h3: string[];
  value: number[];
  count: number[];
}

/** A GeoJSON FeatureCollection of area outlines (WGS84), as `GET /api/city/boundaries` returns. */
export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; properties: { name: string; level: string }; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } }>;
}
