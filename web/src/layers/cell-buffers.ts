import type { CellColumns } from '../api/cell-columns';
import { hexVertices } from './hex-geometry';

/** deck.gl binary data of one cell layer: instance count and the attributes, ready for the GPU. */
export interface CellBinaryData {
  length: number;
  /** The cell of each row: what a pick at row `index` names (deck.gl gives binary data's picks no object). */
  cells: readonly string[];
  attributes: {
    getPosition: { value: Float32Array; size: 2 };
    getFillColor: { value: Uint8Array; size: 4; normalized: true };
    getLineColor?: { value: Uint8Array; size: 4; normalized: true };
  };
}

/** What a hexagon layer draws: the cells, their centres and shape (per data change), their colours (per colour change). */
export interface CellLayerBuffers {
  columns: CellColumns;
  data: CellBinaryData;
  /** The cell outline in metres from the centre (shared by every cell), or undefined with no cells. */
  vertices: Array<[east: number, north: number]> | undefined;
}

/**
 * Binary layer data from centres (`[lng, lat]` pairs, from `hexCentroids`)
 * and RGBA bytes. The same typed arrays passed again are not uploaded again
 * (deck.gl compares them by identity), so a colour change uploads colours only.
 * @example cellBinaryData(columns.h3, hexCentroids(columns), fillColours(columns, colour)).length // columns.length
 */
export function cellBinaryData(cells: readonly string[], positions: Float32Array, fill: Uint8Array, line?: Uint8Array): CellBinaryData {
  return {
    length: positions.length / 2,
    cells,
    attributes: {
      getPosition: { value: positions, size: 2 },
      getFillColor: { value: fill, size: 4, normalized: true },
      ...(line ? { getLineColor: { value: line, size: 4, normalized: true } } : {}),
    },
  };
}

/**
 * Layer buffers of columns: their centres (`hexCentroids`), the shape of
 * their first cell, and their colours.
 * @example cellLayerBuffers(columns, hexCentroids(columns), fillColours(columns, colour)).data.length // columns.length
 */
export function cellLayerBuffers(columns: CellColumns, positions: Float32Array, fill: Uint8Array, line?: Uint8Array): CellLayerBuffers {
  return { columns, vertices: columns.length > 0 ? hexVertices(columns.h3[0]!) : undefined, data: cellBinaryData(columns.h3, positions, fill, line) };
}
