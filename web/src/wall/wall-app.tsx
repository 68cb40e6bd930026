import { useEffect, useMemo, useRef, useState } from 'react';
import type { LiveSubscription, MetricSpec } from '@citytwin/shared';
import type { BoundaryCollection, CityInfo } from '../api/api-types';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AlertsResponse, FusionResponse } from '../api/analysis-types';
import { mapIdle } from '../app/citytwin-handle';
import { useCity } from '../app/use-city';
import { I18nProvider, useI18n } from '../i18n/i18n-context';
import { resolveLang } from '../i18n/lang';
import { areaLabels } from '../map/area-labels';
import { CityMap } from '../map/city-map';
import { BOUNDARY_LINE_LAYER_ID } from '../map/offline-style';
import { resolutionForZoom } from '../map/zoom-resolution';
import { useWallLive, type WallLive } from './use-wall-live';
import { usePolledJson } from './use-polled-json';
import { useSceneCycle } from './use-scene-cycle';
import type { WallHandle } from './wall-handle';
import { WallHeader } from './wall-header';
import { physicalColouring, type PhysicalColouring } from '../layers/physical-colour';
import { stickyColouring } from './sticky-colouring';
import { ALERT_LAYER_ID, buildWallLayers } from './wall-layers';
import { parseWallOptions, type WallOptions, type WallScene } from './wall-options';
import { FleetScene, FusionScene, OverviewScene, RatesScene, TickerScene, tickerLabel, type RankedArea } from './wall-scenes';
import './wall.css';

const STYLE_URL: string | undefined = import.meta.env['VITE_BASEMAP_STYLE_URL'] || undefined;
/** Fusion is re-read every minute, the month's rankings every five. */
const FUSION_EVERY_MS = 60_000;
const RANKINGS_EVERY_MS = 300_000;
/** The open alerts are listed at start and every minute (the channel pushes each change in between). */
const ALERTS_EVERY_MS = 60_000;

type FusionAnswer = Pick<FusionResponse, 'cells' | 'summary'>;

/** The wall's map and overlay once created. */
type MapPair = { map: MapLibreMap; overlay: MapboxOverlay };

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
const ignore = () => undefined;
const NO_ALERTS: AlertsResponse['alerts'] = [];

/** Busiest cell of the human layer, the top of its colour scale. */
function maxCount(cells: ReadonlyArray<{ count: number }>): number {
  let max = 0;
  for (const cell of cells) if (cell.count > max) max = cell.count;
  return max;
}

/**
 * Publishes `window.__citytwin` for the wall (the map handle's shared fields
 * and `wall`) after the map's effect handed deck.gl its layers, and measures
 * the lag once a delta has been drawn.
 */
function useWallHandle(pair: React.RefObject<MapPair | undefined>, live: WallLive, scene: WallScene, mapLoaded: boolean, lang: 'zh' | 'en', ticker: WallHandle['tickerItems'], layerIds: string[], alertCount: number): void {
  const lag = useRef<{ changeMs: number | undefined; lagMs: number | null }>({ changeMs: undefined, lagMs: null });
  useEffect(() => {
    const current = pair.current;
    if (!current) return;
    const { data, status } = live;
    const ready = mapLoaded && data.physical.res !== undefined && data.human.res !== undefined;
    const fusion = scene === 'fusion';
    const cellCounts = { physical: data.physical.data.length, human: data.human.data.length };
    const asOfMs = data.dataAsOfMs;
    const wall: WallHandle = {
      scene, stale: status.stale, staleSince: status.stale ? iso(status.staleSinceMs) : null, dataAsOf: iso(asOfMs),
      tickerItems: ticker, liveLagMs: lag.current.lagMs, reconnects: status.reconnects,
    };
    window.__citytwin = {
      map: current.map, overlay: current.overlay, ready, cellCounts, layersShown: { physical: !fusion, human: !fusion },
      mode: fusion ? 'fusion' : 'overlay', lang,
      maps: { wall: { map: current.map, overlay: current.overlay, layerIds, cellCounts: { ...cellCounts, [ALERT_LAYER_ID]: alertCount }, ready } },
      time: { from: iso(asOfMs === undefined ? undefined : asOfMs - 86_400_000) ?? '', to: iso(asOfMs) ?? '', playing: false, at: null },
      drawer: null, whenIdle: () => mapIdle(current.map), wall,
    };
    const changeMs = data.lastDeltaChangeMs;
    if (changeMs === undefined || changeMs === lag.current.changeMs) return;
    lag.current.changeMs = changeMs;
    // The overlay got the new data in the map's own effect; two frames later it has been drawn.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      lag.current.lagMs = Date.now() - changeMs;
      wall.liveLagMs = lag.current.lagMs;
    }));
  }, [pair, live.version, live.status, scene, mapLoaded, lang, ticker, layerIds, alertCount]);
}

function ScenePanel(props: { scene: WallScene; live: WallLive; fusion: FusionAnswer | undefined; fusionError: string | undefined; rankings: RankedArea[] | undefined; metric: MetricSpec; ticker: Parameters<typeof TickerScene>[0]['items'] }) {
  const { metricName } = useI18n();
  const { data } = props.live;
  switch (props.scene) {
    case 'overview':
      return <OverviewScene counters={data.counters} />;
    case 'fusion':
      return <FusionScene summary={props.fusion?.summary} metricName={metricName(props.metric)} error={props.fusionError} />;
    case 'rates':
      return <RatesScene rows={props.rankings} />;
    case 'fleet':
      return <FleetScene fleet={data.fleet} />;
    case 'ticker':
      return <TickerScene items={props.ticker} />;
  }
}

function WallScreen(props: { city: CityInfo; boundaries: BoundaryCollection | undefined; options: WallOptions }) {
  const { city, options } = props;
  const i18n = useI18n();
  const scene = useSceneCycle(options.scenes, options.cycleS);
  const [mapLoaded, setMapLoaded] = useState(false);
  const pair = useRef<MapPair>(undefined);
  const metric = city.metrics.find((spec) => spec.code === options.metric) ?? city.metrics[0]!;
  const res = resolutionForZoom(city.initialView.zoom, city.baseResolution);
  const subscription = useMemo<LiveSubscription>(
    () => ({ type: 'subscribe', layers: ['physical', 'human'], metric: metric.code, res, ...(options.category ? { category: options.category } : {}) }),
    [metric.code, res, options.category],
  );
  const live = useWallLive(subscription);
  const fusion = usePolledJson<FusionAnswer>(`/api/fusion?metric=${metric.code}&res=${res}${options.category ? `&category=${encodeURIComponent(options.category)}` : ''}`, FUSION_EVERY_MS);
  const rankings = usePolledJson<{ rows: RankedArea[] }>('/api/rankings?level=district', RANKINGS_EVERY_MS);
  const openAlerts = usePolledJson<AlertsResponse>('/api/alerts?status=open&limit=20', ALERTS_EVERY_MS);
  const listedAlerts = openAlerts.data?.alerts ?? NO_ALERTS;

  const { data } = live;
  const alertCells = useMemo(() => data.openAlertCells(listedAlerts), [live.version, listedAlerts]);
  const labels = useMemo(() => areaLabels(props.boundaries), [props.boundaries]);
  const colouring = useRef<PhysicalColouring>(undefined);
  const layers = useMemo(() => {
    const values = Float64Array.from(data.physical.data, (cell) => cell.value);
    colouring.current = stickyColouring(colouring.current, physicalColouring('data', metric, values, new Map()));
    return buildWallLayers({
      fusion: scene === 'fusion', physical: data.physical.data, human: data.human.data, fused: fusion.data?.cells ?? [], alertCells,
      colouring: colouring.current,
      maxAppeals: maxCount(data.human.data), labels, beforeId: BOUNDARY_LINE_LAYER_ID,
    });
  }, [scene === 'fusion', data.physical.data, data.human.data, fusion.data, alertCells, metric, labels]);
  const layerIds = useMemo(() => layers.map((layer) => layer.id), [layers]);
  const ticker = useMemo(() => data.tickerItems(listedAlerts).map((item) => ({ item, label: tickerLabel(item, i18n, city) })), [live.version, listedAlerts, i18n, city]);
  const tickerEntries = useMemo<WallHandle['tickerItems']>(
    () => ticker.map(({ item, label }) => ({ kind: item.kind, id: item.id, at: new Date(item.atMs).toISOString(), label, ...(typeof item.alert?.['h3'] === 'string' ? { h3: item.alert['h3'] } : {}) })),
    [ticker],
  );
  useWallHandle(pair, live, scene, mapLoaded, i18n.lang, tickerEntries, layerIds, alertCells.length);

  return (
    <div className={`wall wall-scene-${scene}`} data-testid="wall" data-scene={scene}>
      <CityMap
        id="wall" city={city} initialView={{ centre: city.centre, zoom: city.initialView.zoom }} boundaries={props.boundaries} layers={layers} style={STYLE_URL}
        onMoveEnd={ignore} onMissClick={ignore} onPointerLeave={ignore} onLoad={() => setMapLoaded(true)}
        onCreated={(map, overlay) => (pair.current = { map, overlay })} onDestroyed={() => (pair.current = undefined)}
      />
      <WallHeader
        cityName={i18n.lang === 'zh' ? city.nameZh : city.nameEn} sceneTitle={i18n.t(`wall.scene.${scene}`)}
        dataAsOfMs={data.dataAsOfMs} stale={live.status.stale} staleSinceMs={live.status.staleSinceMs}
      />
      <section className="wall-panel" data-testid={`scene-${scene}`}>
        <ScenePanel scene={scene} live={live} fusion={fusion.data} fusionError={fusion.error} rankings={rankings.data?.rows} metric={metric} ticker={ticker} />
      </section>
    </div>
  );
}

/** `/wall`: the operations-centre screen. Everything it shows is configured in its URL (README, "Wall display"). */
export function WallApp() {
  const options = useMemo(() => parseWallOptions(window.location.search), []);
  const { city, boundaries, error } = useCity();
  if (!city) return <div className="splash wall-splash" data-testid="splash">{error ? `CityTwin… (${error})` : 'CityTwin…'}</div>;
  const lang = resolveLang(options.lang, city.code, navigator.language);
  return (
    <I18nProvider lang={lang} timeZone={city.timeZone}>
      <WallScreen city={city} boundaries={boundaries} options={options} />
    </I18nProvider>
  );
}
