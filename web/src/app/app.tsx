import { useMemo, useRef, useState } from 'react';
import type { CityInfo } from '../api/api-types';
import type { CellsRequest } from '../api/cells-url';
import { buildCellLayers, maxCount, type PickedCell } from '../layers/cell-layers';
import { useLiveCells } from '../live/use-live-cells';
import { CityMap } from '../map/city-map';
import { BOUNDARY_LINE_LAYER_ID } from '../map/offline-style';
import { resolutionForZoom } from '../map/zoom-resolution';
import { CellPanel } from '../ui/cell-panel';
import { ControlPanel, type ControlState } from '../ui/control-panel';
import { Legend } from '../ui/legend';
import { StatusLine } from '../ui/status-line';
import type { CityTwinHandle } from './citytwin-handle';
import { parsePageOptions } from './page-options';
import { useCity } from './use-city';
import { useHandleSync } from './use-handle-sync';

const STYLE_URL: string | undefined = import.meta.env['VITE_BASEMAP_STYLE_URL'] || undefined;

function cellRequests(city: CityInfo, controls: ControlState, zoom: number): { physical: CellsRequest; human: CellsRequest } {
  const res = resolutionForZoom(zoom, city.baseResolution);
  return {
    physical: { layer: 'physical', metric: controls.metric, res },
    human: { layer: 'human', res, category: controls.category },
  };
}

/** The map page: one city, its sensors and its residents' appeals on one hexagon grid. */
export function App() {
  const options = useMemo(() => parsePageOptions(window.location.search), []);
  const { city, boundaries, health, error } = useCity();
  const [controls, setControls] = useState<ControlState>({
    showPhysical: options.showPhysical, showHuman: options.showHuman, metric: options.metric, category: options.category,
  });
  const [zoom, setZoom] = useState<number | undefined>(options.zoom);
  const [picked, setPicked] = useState<PickedCell | undefined>(undefined);
  const [mapLoaded, setMapLoaded] = useState(false);
  const handle = useRef<CityTwinHandle>(undefined);

  const viewZoom = zoom ?? city?.initialView.zoom ?? 10;
  const requestKey = city ? JSON.stringify(cellRequests(city, controls, viewZoom)) : undefined;
  const requests = useMemo(() => (requestKey ? (JSON.parse(requestKey) as ReturnType<typeof cellRequests>) : undefined), [requestKey]);
  const live = useLiveCells(requests);
  const metric = city?.metrics.find((spec) => spec.code === controls.metric) ?? city?.metrics[0];

  const layers = useMemo(
    () => (metric ? buildCellLayers({
      physical: live.physical.cells, human: live.human.cells, metric, showPhysical: controls.showPhysical,
      showHuman: controls.showHuman, beforeId: BOUNDARY_LINE_LAYER_ID, onClick: setPicked,
    }) : []),
    [live.physical.cells, live.human.cells, metric, controls.showPhysical, controls.showHuman],
  );

  useHandleSync(handle, live, controls, mapLoaded);

  if (!city || !metric) {
    return <div className="splash" data-testid="splash">{error ? `Waiting for the CityTwin api… (${error})` : 'Loading CityTwin…'}</div>;
  }
  return (
    <div className="page">
      <CityMap
        city={city} zoom={viewZoom} centre={options.centre ?? city.centre} boundaries={boundaries} layers={layers} styleUrl={STYLE_URL}
        onZoomEnd={setZoom} onMissClick={() => setPicked(undefined)} onLoad={() => setMapLoaded(true)}
        onHandle={(created) => (handle.current = created)}
      />
      <ControlPanel city={city} state={controls} onChange={setControls} />
      <Legend metric={metric} maxAppeals={maxCount(live.human.cells)} showPhysical={controls.showPhysical} showHuman={controls.showHuman} />
      {picked && <CellPanel picked={picked} metric={metric} onClose={() => setPicked(undefined)} />}
      <StatusLine health={health} live={live} timeZone={city.timeZone} startupError={error} />
    </div>
  );
}
