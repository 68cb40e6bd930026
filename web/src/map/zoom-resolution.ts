/** Coarsest H3 resolution the api serves (matches MIN_SERVED_RESOLUTION). */
const COARSEST_RES = 5;

// Zoom thresholds below which a coarser grid is used, chosen so that a hexagon
// spans about 17-48 screen pixels. A cell is about two edge lengths across
// (H3 mean edge: res 6 3.7 km, res 7 1.4 km, res 8 0.53 km, res 9 0.20 km) and
// at latitude 40° a pixel covers 119,918 / 2^zoom metres (web mercator), so a
// res-7 cell is ~34 px wide at zoom 10.5 (Beijing's start view) and a res-8
// cell ~18 px at zoom 11 (New York's).
const STEPS: ReadonlyArray<readonly [maxZoomExclusive: number, res: number]> = [
  [9.5, 6],
  [11, 7],
  [12.5, 8],
];

/**
 * H3 resolution to request at a map zoom, never finer than the stored base
 * resolution nor coarser than the api serves.
 * @example resolutionForZoom(10.5, 9) // 7
 * @example resolutionForZoom(13, 8) // 8 (capped by the base resolution)
 */
export function resolutionForZoom(zoom: number, baseResolution: number): number {
  const step = STEPS.find(([maxZoom]) => zoom < maxZoom);
  const res = step ? step[1] : 9;
  return Math.max(COARSEST_RES, Math.min(res, baseResolution));
}
