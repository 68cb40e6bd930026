/**
 * The XYZ (web, y from the north) tile holding a point at zoom `z`
 * (https://wiki.openstreetmap.org/wiki/Slippy_map_tilenames).
 * @example latLngToTile(40.752, -73.99, 14) // [4824, 6157]
 */
export function latLngToTile(lat: number, lng: number, z: number): [x: number, y: number] {
  const n = 2 ** z;
  const latRad = (lat * Math.PI) / 180;
  const x = Math.floor(((lng + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n);
  return [x, y];
}
