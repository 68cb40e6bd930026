import type { Logger } from 'pino';
import { AREA_LEVELS } from '@citytwin/shared';
import type { CityAreas } from './city-areas';

/** Logs one line per level at start-up: how many areas appeals are assigned to, and from which files. */
export function logCityAreas(logger: Logger, areas: CityAreas): void {
  for (const level of AREA_LEVELS) {
    const count = areas.counts[level];
    const files = areas.origins[level];
    const text = files.length > 0
      ? `${count} ${level} areas from ${files.join(', ')}`
      : `0 ${level} areas (no boundary file; CITY_BOUNDARIES=<file>:${level}:<nameProperty> adds them)`;
    logger.info({ level, areas: count }, text);
  }
}
