import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Type } from 'typebox';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { MbtilesArchive } from './mbtiles-archive';

/** Where the page finds a configured PMTiles file. */
export const PMTILES_PATH = '/basemap/archive.pmtiles';
/** Template of the vector tiles served from a tile directory. */
export const TILES_TEMPLATE = '/tiles/{z}/{x}/{y}';

const BasemapResponse = Type.Object({
  kind: Type.Union([Type.Literal('none'), Type.Literal('pmtiles'), Type.Literal('style'), Type.Literal('vector-tiles')]),
  url: Type.Optional(Type.String()),
  tiles: Type.Optional(Type.String()),
});

const TileParams = Type.Object({
  z: Type.Integer({ minimum: 0, maximum: 22 }),
  x: Type.Integer({ minimum: 0 }),
  y: Type.String({ pattern: '^\\d+(\\.pbf|\\.mvt)?$' }),
});

/**
 * A byte range of `size` bytes from a `Range: bytes=a-b` header (one range,
 * as PMTiles readers send), or undefined for the whole file; null when unsatisfiable.
 * @example parseRange('bytes=0-16383', 100_000) // { start: 0, end: 16383 }
 */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | undefined | null {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    return suffix === 0 ? null : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(size - 1, Number(match[2]));
  return start > end || start >= size ? null : { start, end };
}

/**
 * `GET /api/basemap` tells the page which basemap to draw (`BASEMAP`);
 * `GET /basemap/archive.pmtiles` serves a local PMTiles file with HTTP range
 * requests; `GET /tiles/{z}/{x}/{y}` serves vector tiles from a tile directory
 * or an `.mbtiles` file (tilemaker's outputs).
 * Nothing leaves the machine unless BASEMAP is a remote URL.
 */
export function registerBasemapRoutes(app: FastifyTypeBox, context: AppContext): void {
  const source = context.config.basemap;
  app.get('/api/basemap', { schema: { response: { 200: BasemapResponse } } }, async () => {
    if (!source) return { kind: 'none' as const };
    if (source.kind === 'pmtiles-url') return { kind: 'pmtiles' as const, url: source.url };
    if (source.kind === 'style-url') return { kind: 'style' as const, url: source.url };
    if (source.kind === 'pmtiles-file') return { kind: 'pmtiles' as const, url: PMTILES_PATH };
    // A tile directory and an .mbtiles file are both served as /tiles/{z}/{x}/{y}.
    return { kind: 'vector-tiles' as const, tiles: TILES_TEMPLATE };
  });

  if (source?.kind === 'pmtiles-file') {
    app.get(PMTILES_PATH, async (request, reply) => {
      const { size } = await stat(source.path);
      const range = parseRange(request.headers.range, size);
      if (range === null) {
        void reply.status(416).header('content-range', `bytes */${size}`);
        return reply.send();
      }
      const { start, end } = range ?? { start: 0, end: size - 1 };
      const buffer = Buffer.alloc(end - start + 1);
      const file = await open(source.path, 'r');
      try {
        await file.read(buffer, 0, buffer.length, start);
      } finally {
        await file.close();
      }
      void reply.header('accept-ranges', 'bytes').header('content-type', 'application/octet-stream').header('cache-control', 'public, max-age=3600');
      if (range) void reply.status(206).header('content-range', `bytes ${start}-${end}/${size}`);
      return reply.send(buffer);
    });
  }

  if (source?.kind === 'tile-dir') {
    registerTileRoute(app, (z, x, y) => readFile(join(source.path, String(z), String(x), `${y}.pbf`)).catch(() => undefined));
  }

  if (source?.kind === 'mbtiles-file') {
    const archive = MbtilesArchive.openVector(source.path);
    app.addHook('onClose', async () => archive.close());
    registerTileRoute(app, async (z, x, y) => archive.tile(z, x, y));
  }
}

/** `GET /tiles/{z}/{x}/{y}` (`.pbf`/`.mvt` suffix allowed) from a tile reader; a missing tile is a 204. */
function registerTileRoute(app: FastifyTypeBox, readTile: (z: number, x: number, y: number) => Promise<Buffer | undefined>): void {
  app.get('/tiles/:z/:x/:y', { schema: { params: TileParams } }, async (request, reply) => {
    const { z, x } = request.params;
    const tile = await readTile(z, x, Number(request.params.y.replace(/\.(pbf|mvt)$/, '')));
    // An empty 204 is how tile servers say "nothing here"; MapLibre draws nothing for it.
    if (!tile) return reply.status(204).send();
    void reply.header('content-type', 'application/vnd.mapbox-vector-tile').header('cache-control', 'public, max-age=3600');
    if (tile[0] === 0x1f && tile[1] === 0x8b) void reply.header('content-encoding', 'gzip');
    return reply.send(tile);
  });
}
