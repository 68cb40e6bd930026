import { useMemo } from 'react';
import { categoryForMetric } from '@citytwin/shared';
import type { CityInfo } from '../api/api-types';
import type { FusionResponse, PlacementResponse } from '../api/analysis-types';
import { buildCellsUrl, type CellsRequest } from '../api/cells-url';
import { usePolledJson, type Polled } from '../api/use-polled-json';
import { useLiveCells } from '../live/use-live-cells';
import type { LiveCells } from '../live/refresh-layers';
import { resolutionForZoom } from '../map/zoom-resolution';
import type { TimeWindow } from '../time/time-range';
import type { ViewState } from './view-state';

/** Fusion and placement are heavier (Gi* over the study area): re-read every 30 s. */
const FUSION_INTERVAL_MS = 30_000;
/** Sites suggested on the fusion map. */
const PLACEMENT_PICKS = 10;

export interface PlannerData {
  res: number;
  live: LiveCells;
  requests: { physical: CellsRequest; human: CellsRequest } | undefined;
  fusion: Polled<FusionResponse>;
  placement: Polled<PlacementResponse>;
  /** The metric has an appeal category to fuse with. */
  paired: boolean;
  /** The data of the time shown has arrived for every layer the mode draws. */
  frameLoaded: boolean;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The api reads the page makes for the view, its resolution (from zoom) and the time shown. */
export function usePlannerData(city: CityInfo, view: ViewState, zoom: number, shown: TimeWindow): PlannerData {
  const res = resolutionForZoom(zoom, city.baseResolution);
  const from = iso(shown.fromMs);
  const to = iso(shown.toMs);
  const requestKey = view.mode === 'fusion' ? '' : JSON.stringify({ res, from, to, metric: view.metric, category: view.category });
  const requests = useMemo(() => {
    if (!requestKey) return undefined;
    const physical: CellsRequest = { layer: 'physical', metric: view.metric, res, from, to, format: 'columnar' };
    const human: CellsRequest = { layer: 'human', res, category: view.category, from, to, format: 'columnar' };
    return { physical, human };
    // requestKey stands for every input.
  }, [requestKey]);
  const live = useLiveCells(requests);
  const paired = categoryForMetric(view.metric) !== undefined;
  const range = new URLSearchParams({ metric: view.metric, res: String(Math.min(res, 8)), from, to });
  const fusionUrl = paired ? `/api/fusion?${range.toString()}&confidence=${view.conf}` : undefined;
  const fusion = usePolledJson<FusionResponse>(fusionUrl, FUSION_INTERVAL_MS);
  const placementUrl = paired && view.mode === 'fusion' ? `/api/fusion/placement?${range.toString()}&k=${PLACEMENT_PICKS}` : undefined;
  const placement = usePolledJson<PlacementResponse>(placementUrl, FUSION_INTERVAL_MS);

  const cellsLoaded = requests !== undefined
    && live.physical.url === buildCellsUrl(requests.physical) && live.human.url === buildCellsUrl(requests.human);
  const fusionLoaded = !paired || (fusion.loaded && !fusion.loading);
  return { res, live, requests, fusion, placement, paired, frameLoaded: view.mode === 'fusion' ? fusionLoaded : cellsLoaded };
}
