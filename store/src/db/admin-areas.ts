import type { Db, Queryable } from '../backends/db';

/** Area levels, coarse to fine. */
export type AdminAreaLevel = 'district' | 'street' | 'community';

/** One imported polygon (GeoJSON Polygon or MultiPolygon, WGS84). */
export interface StoredAdminArea {
  level: AdminAreaLevel;
  name: string;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  source: string;
  attribution: string | null;
}

/** `NOTIFY` channel on which an import announces the level it replaced; every API instance reloads. */
export const ADMIN_AREAS_CHANNEL = 'citytwin_areas';

/**
 * Replaces every stored polygon of `level` with `areas` in one transaction
 * and announces it on {@link ADMIN_AREAS_CHANNEL}; returns the rows stored.
 */
export async function replaceAdminAreas(db: Db, level: AdminAreaLevel, areas: ReadonlyArray<Omit<StoredAdminArea, 'level'>>): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('DELETE FROM admin_areas WHERE level = $1', [level]);
    for (let start = 0; start < areas.length; start += 500) {
      const chunk = areas.slice(start, start + 500);
      await tx.query(
        `INSERT INTO admin_areas (level, name, geometry, source, attribution)
         SELECT $1, name, geometry::jsonb, source, attribution FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS t(name, geometry, source, attribution)`,
        [level, chunk.map((area) => area.name), chunk.map((area) => JSON.stringify(area.geometry)), chunk.map((area) => area.source), chunk.map((area) => area.attribution)],
      );
    }
    await tx.query('SELECT pg_notify($1, $2)', [ADMIN_AREAS_CHANNEL, level]);
    return areas.length;
  });
}

/** Every stored polygon, level by level, in import order. */
export async function listAdminAreas(db: Queryable): Promise<StoredAdminArea[]> {
  return db.query<StoredAdminArea>('SELECT level, name, geometry, source, attribution FROM admin_areas ORDER BY level, id');
}

/** Located appeals, for giving them the areas of a new import. */
export async function listLocatedAppeals(db: Queryable): Promise<Array<{ id: string; lat: number; lng: number }>> {
  return db.query('SELECT id, lat, lng FROM appeals WHERE lat IS NOT NULL AND lng IS NOT NULL');
}

/** Sets one area column of the given appeals (`names[i]` for `ids[i]`; null where no polygon holds it). */
export async function setAppealAreas(db: Queryable, level: AdminAreaLevel, ids: readonly string[], names: ReadonlyArray<string | null>): Promise<void> {
  const column = { district: 'district', street: 'street', community: 'community' }[level];
  for (let start = 0; start < ids.length; start += 5000) {
    await db.query(
      `UPDATE appeals SET ${column} = t.name FROM unnest($1::text[], $2::text[]) AS t(id, name) WHERE appeals.id = t.id AND appeals.${column} IS DISTINCT FROM t.name`,
      [ids.slice(start, start + 5000), names.slice(start, start + 5000)],
    );
  }
}
