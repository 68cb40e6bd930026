import { cellToLatLng } from 'h3-js';
import type { H3Cell, LatLng } from './cell';

/**
 * The centre of a cell in degrees.
 * @example cellCentre('8831aa5c1bfffff') // { lat: 39.91..., lng: 116.40... }
 */
export function cellCentre(cell: H3Cell): LatLng {
  const [lat, lng] = cellToLatLng(cell);
  return { lat, lng };
}
