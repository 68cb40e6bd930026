import { AREA_LEVELS, type AreaLevel } from '@citytwin/shared';
import { ADMIN_AREAS_CHANNEL, listAdminAreas, type StoredAdminArea } from '@citytwin/store';
import type { AppContext } from '../app/app-context';
import type { FastifyTypeBox } from '../app/fastify-typebox';
import type { BoundaryFeature } from './boundary-file';
import { cityAreasOf, type CityAreas } from './city-areas';

/**
 * The file areas with every level that has imported polygons replaced by
 * them (the same rule as CITY_BOUNDARIES: two outlines of one district never compete).
 */
export function withStoredAreas(fileAreas: CityAreas, stored: readonly StoredAdminArea[]): CityAreas {
  if (stored.length === 0) return fileAreas;
  const levels = new Set<AreaLevel>(stored.map((area) => area.level));
  const features: BoundaryFeature[] = [
    ...fileAreas.boundaries.features.filter((feature) => !levels.has(feature.properties.level)),
    ...stored.map((area) => ({ type: 'Feature' as const, properties: { name: area.name, level: area.level }, geometry: area.geometry })),
  ];
  const origins = Object.fromEntries(
    AREA_LEVELS.map((level) => [level, levels.has(level) ? [...new Set(stored.filter((area) => area.level === level).map((area) => `imported areas (${area.source})`))] : fileAreas.origins[level]]),
  ) as Record<AreaLevel, string[]>;
  const attribution = [...fileAreas.attribution, ...stored.flatMap((area) => (area.attribution ? [area.attribution] : []))];
  return cityAreasOf(features, attribution, origins);
}

/**
 * Adds the store's imported areas to `context.areas` and keeps them current:
 * an import in any API instance announces itself on {@link ADMIN_AREAS_CHANNEL}
 * and every instance reloads, without a restart. Returns the reload, for the
 * instance that imported (it need not wait for its own notification).
 */
export async function watchStoredAreas(app: FastifyTypeBox, context: AppContext): Promise<() => Promise<void>> {
  const fileAreas = context.areas;
  const reload = async () => {
    context.areas = withStoredAreas(fileAreas, await listAdminAreas(context.store.db));
  };
  await reload();
  const onChange = () => void reload().catch((error: unknown) => context.logger.error({ err: error }, 'imported areas not reloaded'));
  const unlisten = await context.store.db.listen(ADMIN_AREAS_CHANNEL, onChange, { onResumed: onChange });
  app.addHook('onClose', async () => {
    await unlisten().catch(() => undefined);
  });
  return reload;
}
