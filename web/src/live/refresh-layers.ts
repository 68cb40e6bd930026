import { buildCellsUrl, type CellsRequest } from '../api/cells-url';
import type { CellDatum, CellsColumnarResponse, CellsResponse } from '../api/api-types';
import { NO_COLUMNS, cellsOf, columnsOf, sameColumns, type CellColumns } from '../api/cell-columns';

/** What the page holds for one layer: the last good data, and the last error if the latest refresh failed. */
export interface LayerState {
  cells: CellDatum[];
  /** The same cells as columns (what the map layers draw from); the same object while a refresh changes nothing. */
  columns: CellColumns;
  /** Resolution the api answered with (it may clamp the human layer). */
  res: number | undefined;
  /** The request these cells answer, so a stale answer is recognisable. */
  url: string | undefined;
  /** Cells with fewer appeals than this were withheld by the api (privacy), human layer only. */
  suppressedBelow: number | undefined;
  error: string | undefined;
  /** True once one request succeeded. */
  loaded: boolean;
}

export interface LiveCells {
  physical: LayerState;
  human: LayerState;
  /** Epoch ms of the last refresh in which at least one layer answered. */
  lastRefreshMs: number | undefined;
}

export const EMPTY_LAYER: LayerState = { cells: [], columns: NO_COLUMNS, res: undefined, url: undefined, suppressedBelow: undefined, error: undefined, loaded: false };
export const INITIAL_LIVE_CELLS: LiveCells = { physical: EMPTY_LAYER, human: EMPTY_LAYER, lastRefreshMs: undefined };

type CellsAnswer = CellsResponse | CellsColumnarResponse;

function settle(previous: LayerState, url: string, result: PromiseSettledResult<CellsAnswer>): LayerState {
  if (result.status === 'fulfilled') {
    const { res, suppressedBelow } = result.value;
    const fresh = columnsOf(result.value);
    // An unchanged answer keeps the previous arrays, so nothing downstream (geometry, colours, lookups) is derived again.
    const unchanged = previous.loaded && sameColumns(previous.columns, fresh);
    const columns = unchanged ? previous.columns : fresh;
    const cells = unchanged ? previous.cells : cellsOf(fresh);
    return { cells, columns, res, url, suppressedBelow, error: undefined, loaded: true };
  }
  const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
  // Keep showing the previous data: a wall display must never go blank on a hiccup.
  return { ...previous, error: reason };
}

/**
 * Fetches both layers at once and merges the answers into the previous state:
 * a layer whose request failed keeps its previous cells and records the error.
 */
export async function refreshLayers(
  previous: LiveCells,
  requests: { physical: CellsRequest; human: CellsRequest },
  fetchCells: (url: string) => Promise<CellsAnswer>,
  nowMs: () => number,
): Promise<LiveCells> {
  const physicalUrl = buildCellsUrl(requests.physical);
  const humanUrl = buildCellsUrl(requests.human);
  const [physical, human] = await Promise.allSettled([fetchCells(physicalUrl), fetchCells(humanUrl)]);
  const anyAnswered = physical.status === 'fulfilled' || human.status === 'fulfilled';
  return {
    physical: settle(previous.physical, physicalUrl, physical),
    human: settle(previous.human, humanUrl, human),
    lastRefreshMs: anyAnswered ? nowMs() : previous.lastRefreshMs,
  };
}
