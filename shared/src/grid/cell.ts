import { cellToParent, getResolution, isValidCell, latLngToCell } from 'h3-js';

/**
 * Canonical cell encoding across CityTwin: the H3 index as its lower-case
 * 15-digit hex string (what h3-js returns). The store keeps the same index as
 * a 64-bit integer; {@link cellToBigInt} and {@link bigIntToCell} convert.
 */
export type H3Cell = string;

/** Resolution at which readings and appeals are stored unless configured otherwise. */
export const BASE_RESOLUTION = 9;
/** Coarsest resolution the API serves (about 250 km² per cell). */
export const MIN_SERVED_RESOLUTION = 5;
/** Finest resolution the API serves (about 0.015 km² per cell). */
export const MAX_SERVED_RESOLUTION = 10;

/** A point in degrees, named like h3-js's own `LatLng` arguments. */
export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * The cell containing a point.
 * @example cellAtLatLng({ lat: 39.9042, lng: 116.4074 }, 9) // '8931aa42...'
 */
export function cellAtLatLng(point: LatLng, res: number = BASE_RESOLUTION): H3Cell {
  return latLngToCell(point.lat, point.lng, res);
}

/** The ancestor of `cell` at the coarser resolution `res` (res must be <= the cell's own). */
export function parentCell(cell: H3Cell, res: number): H3Cell {
  return cellToParent(cell, res);
}

/** True when `value` is a valid H3 index string. */
export function isCell(value: string): boolean {
  return isValidCell(value);
}

/** The resolution of a valid cell. */
export function cellResolution(cell: H3Cell): number {
  return getResolution(cell);
}

/** The cell's 64-bit integer form (how the store keeps it). */
export function cellToBigInt(cell: H3Cell): bigint {
  return BigInt(`0x${cell}`);
}

/** Inverse of {@link cellToBigInt}. */
export function bigIntToCell(value: bigint | string): H3Cell {
  return BigInt(value).toString(16);
}
