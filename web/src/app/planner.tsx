import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { METRICS } from '@citytwin/shared';
import type { BoundaryCollection, CellDatum, CityInfo, HealthInfo } from '../api/api-types';
import type { FusionCell } from '../api/analysis-types';
import { useI18n } from '../i18n/i18n-context';
import { buildMapLayers, drawnCounts, type MapRole } from '../layers/map-layers';
import type { ViewBounds } from '../layers/values-in-view';
import { areaLabels } from '../map/area-labels';
import { CityMap, type MapView } from '../map/city-map';
import { linkMaps } from '../map/map-sync';
import { BOUNDARY_LINE_LAYER_ID } from '../map/offline-style';
import { frameDelayMs } from '../time/playback';
import { useTimeline } from '../time/use-timeline';
import { CellTooltip, type HoverInfo } from '../ui/cell-tooltip';
import { ControlPanel } from '../ui/control-panel';
import { Legend } from '../ui/legend';
import { StateBanner } from '../ui/state-banner';
import { StatusLine } from '../ui/status-line';
import { TimeBar } from '../ui/time-bar';
import type { MapRegistry, MapSlot } from './map-registry';
import { useCellLayers } from './use-cell-layers';
import { usePageHandle } from './use-page-handle';
import { usePlannerData, type PlannerData } from './use-planner-data';
import type { ViewState } from './view-state';

export interface PlannerProps {
  city: CityInfo;
  boundaries: BoundaryCollection | undefined;
  health: HealthInfo | undefined;
  view: ViewState;
  onChange(change: Partial<ViewState>): void;
  style: string | StyleSpecification | undefined;
  /** Drawer and panels, given the time shown (they follow the same time as the maps). */
  renderExtras?(context: PlannerContext): ReactNode;
}

/** What the drawer, panels and export get from the shell. */
export interface PlannerContext {
  data: PlannerData;
  /** What the layers shown hold for a cell. */
  lookup(h3: string): { physical: CellDatum | undefined; human: CellDatum | undefined; fusion: FusionCell | undefined };
  fromMs: number;
  toMs: number;
  flyTo(lngLat: [number, number]): void;
  primaryMap(): MapLibreMap | undefined;
  /** The canvases of the mode's maps, left to right. */
  mapCanvases(): HTMLCanvasElement[];
}

function rolesOf(view: ViewState): MapRole[] {
  return view.mode === 'split' ? ['physical', 'human'] : [view.mode];
}

function byCell<T extends { h3: string }>(cells: readonly T[] | undefined): Map<string, T> {
  return new Map((cells ?? []).map((cell) => [cell.h3, cell]));
}

/** Quiet time after the last pan or zoom before the colour domain follows the new view. */
const DOMAIN_DEBOUNCE_MS = 250;

function boundsOf(map: MapLibreMap): ViewBounds {
  const bounds = map.getBounds();
  return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
}

function dataLoaded(role: MapRole, data: PlannerData): boolean {
  if (role === 'physical') return data.live.physical.loaded;
  if (role === 'human') return data.live.human.loaded;
  if (role === 'overlay') return data.live.physical.loaded && data.live.human.loaded;
  return !data.paired || data.fusion.loaded;
}

/** The planner page: the mode's maps, their controls, legend, time bar, tooltip and states. */
export function Planner(props: PlannerProps) {
  const { city, view, onChange } = props;
  const i18n = useI18n();
  const zoom = view.zoom ?? city.initialView.zoom;
  const initialView = useRef<MapView>({ centre: view.centre ?? city.centre, zoom });
  const timeline = useTimeline(view.from, view.to, view.step, view.cumulative);
  const data = usePlannerData(city, view, zoom, timeline.shown);
  const metric = city.metrics.find((spec) => spec.code === view.metric) ?? METRICS[view.metric];
  const [hover, setHover] = useState<HoverInfo | undefined>(undefined);
  const registry = useRef<MapRegistry>({});
  const [loadedSlots, setLoadedSlots] = useState(0);

  const fusionCells = data.fusion.data?.cells;
  const fusionByCell = useMemo(() => byCell<FusionCell>(fusionCells), [fusionCells]);
  const zByCell = useMemo(() => {
    const z = new Map<string, number>();
    for (const cell of fusionCells ?? []) if (cell.physical) z.set(cell.h3, cell.physical.z);
    return z;
  }, [fusionCells]);
  const physical = data.live.physical.cells;
  const human = data.live.human.cells;
  const physicalByCell = useMemo(() => byCell<CellDatum>(physical), [physical]);
  const humanByCell = useMemo(() => byCell<CellDatum>(human), [human]);
  const [bounds, setBounds] = useState<ViewBounds | undefined>(undefined);
  const boundsTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const followView = useCallback(() => {
    clearTimeout(boundsTimer.current);
    boundsTimer.current = setTimeout(() => {
      const map = registry.current.primary?.map;
      if (map) setBounds(boundsOf(map));
    }, DOMAIN_DEBOUNCE_MS);
  }, []);
  useEffect(() => () => clearTimeout(boundsTimer.current), []);
  const cellLayers = useCellLayers(data.live.physical.columns, data.live.human.columns, view.scale, metric, zByCell, bounds, {
    filled: view.mode === 'split', outlined: view.mode === 'overlay',
  });
  const { colouring, maxAppeals } = cellLayers;
  const labels = useMemo(() => areaLabels(props.boundaries), [props.boundaries]);
  const roles = rolesOf(view);
  const placement = data.placement.data?.picks;

  const onHover = useCallback((mapId: string) => (h3: string | undefined, x: number, y: number) => {
    setHover((previous) => (h3 ? { h3, x, y, mapId } : previous?.mapId === mapId ? undefined : previous));
  }, []);
  const onCellClick = useCallback((h3: string) => onChange({ cell: h3 }), [onChange]);
  const hovered = hover?.h3;
  const layersByRole = useMemo(() => new Map(roles.map((role) => [role, buildMapLayers({
    role, physical: cellLayers.physical, humanFilled: cellLayers.humanFilled, humanOutlined: cellLayers.humanOutlined, fusion: fusionCells ?? [], placement: placement ?? [],
    showPhysical: view.showPhysical, showHuman: view.showHuman, hovered, labels, beforeId: BOUNDARY_LINE_LAYER_ID,
    onHover: onHover(role), onClick: onCellClick,
  })])), [roles.join(), cellLayers.physical, cellLayers.humanFilled, cellLayers.humanOutlined, fusionCells, placement, view.showPhysical, view.showHuman, hovered, labels, onHover, onCellClick]);

  // Split maps follow each other.
  useEffect(() => {
    const { primary, secondary } = registry.current;
    if (view.mode !== 'split' || !primary || !secondary) return undefined;
    secondary.map.jumpTo({ center: primary.map.getCenter(), zoom: primary.map.getZoom() });
    return linkMaps([primary.map, secondary.map]);
  }, [view.mode, loadedSlots]);

  // Playback: the next frame once this one is drawn and has been on screen long enough.
  useEffect(() => {
    if (!timeline.playing || !data.frameLoaded) return undefined;
    const timer = setTimeout(timeline.advance, frameDelayMs(timeline.speed));
    return () => clearTimeout(timer);
  }, [timeline.playing, timeline.frame, data.frameLoaded, timeline.speed, timeline.advance]);

  const onCreated = (slot: MapSlot) => (map: MapLibreMap, overlay: MapboxOverlay) => {
    registry.current[slot] = { map, overlay, loaded: false };
    setLoadedSlots((count) => count + 1);
  };
  const onLoad = (slot: MapSlot) => () => {
    const entry = registry.current[slot];
    if (entry) entry.loaded = true;
    setLoadedSlots((count) => count + 1);
    followView();
  };
  const onDestroyed = (slot: MapSlot) => () => {
    delete registry.current[slot];
  };
  const onMoveEnd = useCallback((next: MapView) => {
    onChange({ centre: next.centre, zoom: next.zoom });
    followView();
  }, [onChange, followView]);

  usePageHandle(registry, {
    mode: view.mode, lang: i18n.lang,
    maps: roles.map((role, index) => {
      const counts = drawnCounts({ role, physical, human, fusion: fusionCells ?? [], placement: placement ?? [], showPhysical: view.showPhysical, showHuman: view.showHuman });
      return { slot: index === 0 ? 'primary' : 'secondary', id: role, layerIds: (layersByRole.get(role) ?? []).map((layer) => layer.id), cellCounts: counts, dataLoaded: dataLoaded(role, data) };
    }),
    cellCounts: { physical: view.mode === 'fusion' ? 0 : physical.length, human: view.mode === 'fusion' ? 0 : human.length },
    layersShown: { physical: view.showPhysical && view.mode !== 'fusion', human: view.showHuman && view.mode !== 'fusion' },
    time: {
      from: new Date(timeline.window.fromMs).toISOString(), to: new Date(timeline.window.toMs).toISOString(), playing: timeline.playing,
      at: timeline.frame === undefined ? null : new Date(timeline.shown.toMs).toISOString(),
    },
    drawer: view.cell ?? null,
  });

  const apiError = data.live.physical.error && data.live.human.error ? data.live.physical.error : undefined;
  const shownLoaded = view.mode === 'fusion' ? data.fusion.loaded : data.live.physical.loaded && data.live.human.loaded;
  const empty = shownLoaded && (view.mode === 'fusion' ? (fusionCells?.length ?? 0) === 0 : physical.length === 0 && human.length === 0);
  const hoverOffset = hover ? (registry.current[hover.mapId === 'human' ? 'secondary' : 'primary']?.map.getContainer().getBoundingClientRect().left ?? 0) : 0;

  const pane = (role: MapRole, slot: MapSlot) => (
    <div key={slot} className={`map-pane map-pane-${slot}`} data-testid={`pane-${role}`}>
      <CityMap
        id={role} city={city} initialView={initialView.current} boundaries={props.boundaries} layers={layersByRole.get(role) ?? []} style={props.style}
        onMoveEnd={onMoveEnd} onMissClick={() => undefined} onPointerLeave={() => setHover(undefined)}
        onCreated={onCreated(slot)} onLoad={onLoad(slot)} onDestroyed={onDestroyed(slot)}
      />
      {view.mode === 'split' && <div className="map-title">{i18n.t(`map.${role}`)}</div>}
    </div>
  );

  return (
    <div className={`page mode-${view.mode}`}>
      <div className="maps">
        {pane(roles[0]!, 'primary')}
        {roles[1] && pane(roles[1], 'secondary')}
      </div>
      <ControlPanel city={city} view={view} lang={i18n.lang} onChange={onChange} />
      <Legend mode={view.mode} metric={metric} colouring={colouring} maxAppeals={maxAppeals} showPhysical={view.showPhysical} showHuman={view.showHuman} />
      {view.mode === 'fusion' && !data.paired && <div className="banner" data-testid="banner-unpaired">{i18n.t('fusion.unpaired')}</div>}
      {view.mode === 'fusion' && data.fusion.data && (
        <div className="fusion-summary panel" data-testid="fusion-summary">
          {i18n.t('fusion.summary', { confirmed: data.fusion.data.summary.confirmed, blind: data.fusion.data.summary.blind_spot, silent: data.fusion.data.summary.silent_risk })}
        </div>
      )}
      <TimeBar from={view.from} to={view.to} step={view.step} cumulative={view.cumulative} timeline={timeline} timeZone={city.timeZone} onChange={onChange} />
      <StateBanner error={apiError ?? (view.mode === 'fusion' && data.fusion.errorStatus === 0 ? data.fusion.error : undefined)} empty={empty} onWiden={() => onChange({ from: 'now-7d', to: 'now' })} />
      {!data.frameLoaded && !apiError && <div className="loading-dot" data-testid="loading">{i18n.t('state.loadingData')}</div>}
      {hover && (
        <CellTooltip hover={hover} offsetX={hoverOffset} metric={metric} physical={physicalByCell.get(hover.h3)} human={humanByCell.get(hover.h3)} fusion={fusionByCell.get(hover.h3)} />
      )}
      {props.renderExtras?.({
        data, fromMs: timeline.shown.fromMs, toMs: timeline.shown.toMs,
        lookup: (h3) => ({ physical: physicalByCell.get(h3), human: humanByCell.get(h3), fusion: fusionByCell.get(h3) }),
        flyTo: (lngLat) => registry.current.primary?.map.flyTo({ center: lngLat, zoom: Math.max(registry.current.primary.map.getZoom(), 12) }),
        primaryMap: () => registry.current.primary?.map,
        mapCanvases: () => [registry.current.primary, view.mode === 'split' ? registry.current.secondary : undefined].flatMap((entry) => (entry ? [entry.map.getCanvas()] : [])),
      })}
      <StatusLine
        health={props.health} live={data.live} timeZone={city.timeZone}
        fusion={view.mode === 'fusion' ? { loaded: data.fusion.loaded, cells: fusionCells?.length ?? 0, res: data.fusion.data?.res, fetchedAtMs: data.fusion.fetchedAtMs, error: data.fusion.error } : undefined}
      />
    </div>
  );
}
