import { useEffect, useMemo, useRef, useState } from 'react';
import type { LiveSubscription, MetricSpec } from '@citytwin/shared';
import type { BoundaryCollection, CityInfo } from '../api/api-types';
import type { CityTwinHandle } from '../app/citytwin-handle';
import { useCity } from '../app/use-city';
import { I18nProvider, useI18n } from '../i18n/i18n-context';
import { resolveLang } from '../i18n/lang';
import { CityMap } from '../map/city-map';
import { BOUNDARY_LINE_LAYER_ID } from '../map/offline-style';
import { resolutionForZoom } from '../map/zoom-resolution';
import { useWallLive, type WallLive } from './use-wall-live';
import { usePolledJson } from './use-polled-json';
import { useSceneCycle } from './use-scene-cycle';
import type { WallHandle } from './wall-handle';
import { WallHeader } from './wall-header';
import { buildWallLayers, type FusedCell } from './wall-layers';
import { parseWallOptions, type WallOptions, type WallScene } from './wall-options';
import { FleetScene, FusionScene, OverviewScene, RatesScene, TickerScene, tickerLabel, type RankedArea } from './wall-scenes';
import './wall.css';

const STYLE_URL: string | undefined = import.meta.env['VITE_BASEMAP_STYLE_URL'] || undefined;
/** Fusion is re-read every minute, the month's rankings every five. */
const FUSION_EVERY_MS = 60_000;
const RANKINGS_EVERY_MS = 300_000;

interface FusionAnswer {
  cells: FusedCell[];
  summary: { confirmed: number; blind_spot: number; silent_risk: number };
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** Keeps `window.__citytwin.wall` (and the map handle's shared fields) in step with the screen, and measures the lag once a delta is drawn. */
function useWallHandle(handle: React.RefObject<CityTwinHandle | undefined>, live: WallLive, scene: WallScene, mapLoaded: boolean, ticker: WallHandle['tickerItems']): void {
  const lag = useRef<{ changeMs: number | undefined; lagMs: number | null }>({ changeMs: undefined, lagMs: null });
  useEffect(() => {
    const current = handle.current;
    if (!current) return;
    const { data, status } = live;
    current.ready = mapLoaded && data.physical.res !== undefined && data.human.res !== undefined;
    current.cellCounts = { physical: data.physical.data.length, human: data.human.data.length };
    current.layersShown = { physical: scene !== 'fusion', human: scene !== 'fusion' };
    current.wall = {
      scene, stale: status.stale, staleSince: status.stale ? iso(status.staleSinceMs) : null, dataAsOf: iso(data.dataAsOfMs),
      tickerItems: ticker, liveLagMs: lag.current.lagMs, reconnects: status.reconnects,
    };
    const changeMs = data.lastDeltaChangeMs;
    if (changeMs === undefined || changeMs === lag.current.changeMs) return;
    lag.current.changeMs = changeMs;
    // The overlay got the new data in the map's own effect; two frames later it has been drawn.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      lag.current.lagMs = Date.now() - changeMs;
      if (current.wall) current.wall.liveLagMs = lag.current.lagMs;
    }));
  }, [handle, live.version, live.status, scene, mapLoaded, ticker]);
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
  const handle = useRef<CityTwinHandle>(undefined);
  const metric = city.metrics.find((spec) => spec.code === options.metric) ?? city.metrics[0]!;
  const res = resolutionForZoom(city.initialView.zoom, city.baseResolution);
  const subscription = useMemo<LiveSubscription>(
    () => ({ type: 'subscribe', layers: ['physical', 'human'], metric: metric.code, res, ...(options.category ? { category: options.category } : {}) }),
    [metric.code, res, options.category],
  );
  const live = useWallLive(subscription);
  const fusion = usePolledJson<FusionAnswer>(`/api/fusion?metric=${metric.code}&res=${res}${options.category ? `&category=${encodeURIComponent(options.category)}` : ''}`, FUSION_EVERY_MS);
  const rankings = usePolledJson<{ rows: RankedArea[] }>('/api/rankings?level=district', RANKINGS_EVERY_MS);

  const { data } = live;
  const alertCells = useMemo(() => data.openAlertCells(), [live.version]);
  const layers = useMemo(
    () => buildWallLayers({
      fusion: scene === 'fusion', physical: data.physical.data, human: data.human.data, fused: fusion.data?.cells ?? [], alertCells, metric, beforeId: BOUNDARY_LINE_LAYER_ID,
    }),
    [scene === 'fusion', data.physical.data, data.human.data, fusion.data, alertCells, metric],
  );
  const ticker = useMemo(() => data.tickerItems().map((item) => ({ item, label: tickerLabel(item, i18n, city) })), [live.version, i18n, city]);
  const tickerEntries = useMemo<WallHandle['tickerItems']>(
    () => ticker.map(({ item, label }) => ({ kind: item.kind, id: item.id, at: new Date(item.atMs).toISOString(), label, ...(typeof item.alert?.['h3'] === 'string' ? { h3: item.alert['h3'] } : {}) })),
    [ticker],
  );
  useWallHandle(handle, live, scene, mapLoaded, tickerEntries);

  return (
    <div className={`wall wall-scene-${scene}`} data-testid="wall" data-scene={scene}>
      <CityMap
        city={city} zoom={city.initialView.zoom} centre={city.centre} boundaries={props.boundaries} layers={layers} styleUrl={STYLE_URL}
        onZoomEnd={() => undefined} onMissClick={() => undefined} onLoad={() => setMapLoaded(true)} onHandle={(created) => (handle.current = created)}
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
