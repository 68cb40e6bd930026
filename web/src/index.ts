// The web package's pure logic, for other tools that draw CityTwin layers the same way.
// The page itself starts from main.tsx.
export { buildCellsUrl, type CellsRequest } from './api/cells-url';
export type { BoundaryCollection, CellDatum, CellsResponse, CityInfo, HealthInfo } from './api/api-types';
export { countColour, countPosition, metricColour, metricSeverity, valueAtScalePosition } from './layers/colour-scale';
export { countTicks, severityTicks, type LegendTick } from './layers/legend-ticks';
export { APPEALS_PALETTE, SEVERITY_PALETTE, colourAt, type Rgb, type Rgba } from './layers/palette';
export { resolutionForZoom } from './map/zoom-resolution';
export { buildOfflineStyle, withBoundaryLayers } from './map/offline-style';
export { MESSAGES } from './i18n/messages';
