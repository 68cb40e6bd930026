import Database from 'better-sqlite3';

/** One tile as stored: its bytes (gzip-compressed vector tiles as tilemaker writes them, or plain). */
export type TileBytes = Buffer;

export class MbtilesFormatError extends Error {}

/**
 * A read-only MBTiles 1.3 file (SQLite; https://github.com/mapbox/mbtiles-spec):
 * `metadata(name, value)` and `tiles(zoom_level, tile_column, tile_row, tile_data)`
 * with rows counted from the south (TMS), so `tile(z, x, y)` flips an XYZ `y`.
 */
export class MbtilesArchive {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[number, number, number], { tile_data: Buffer }>;

  private constructor(path: string) {
    this.db = new Database(path, { readonly: true, fileMustExist: true });
    this.select = this.db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
  }

  /**
   * Opens `path` and checks it holds vector tiles (`format` pbf): the page
   * draws an MBTiles basemap as OpenMapTiles vector tiles.
   * @example MbtilesArchive.openVector('/srv/nyc.mbtiles').metadata().format // 'pbf'
   */
  static openVector(path: string): MbtilesArchive {
    const archive = new MbtilesArchive(path);
    const format = archive.metadata()['format'];
    if (format !== undefined && format !== 'pbf') {
      archive.close();
      throw new MbtilesFormatError(`BASEMAP="${path}": MBTiles format "${format}" is not served; only vector tiles (format pbf)`);
    }
    return archive;
  }

  /** The `metadata` table as name -> value. */
  metadata(): Record<string, string> {
    const rows = this.db.prepare('SELECT name, value FROM metadata').all() as Array<{ name: string; value: string }>;
    return Object.fromEntries(rows.map((row) => [row.name, row.value]));
  }

  /**
   * The tile at XYZ `z/x/y` (the web's scheme, y from the north), or undefined.
   * @example archive.tile(14, 4824, 6159) // reads tile_row 2^14 - 1 - 6159 = 10224
   */
  tile(z: number, x: number, y: number): TileBytes | undefined {
    const rows = 2 ** z;
    if (x >= rows || y >= rows) return undefined;
    return this.select.get(z, x, rows - 1 - y)?.tile_data;
  }

  close(): void {
    this.db.close();
  }
}
