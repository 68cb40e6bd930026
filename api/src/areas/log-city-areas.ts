import type { Logger } from 'pino';
import { AREA_LEVELS } from '@citytwin/shared';
import type { CityAreas } from './city-areas';

/** Logs one line per level at start-up: how many areas appeals are assigned to, and from which files. */
export function logCityAreas(logger: Logger, areas: CityAreas): void {
  for (const level of AREA_LEVELS) {
    const count = areas.counts[level];
    const files = areas.origins[level];
    const text = files.length > 0
      ? `${count} ${level} ${count === 1 ? 'area' : 'areas'} from ${files.join(', ')}`
      : `0 ${level} areas (no boundary file; CITY_BOUNDARIES=<file>:${level}:<nameProperty> adds them)`;
    // `level` is pino's own field: the area level goes under another name.
    logger.info({ areaLevel: level, areas: count }, text);
  }
}
