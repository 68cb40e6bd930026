import { getResolution, cellToParent } from 'h3-js';
import { categoryForMetric, type MetricSpec } from '@citytwin/shared';
import type { CellDatum, CityInfo } from '../api/api-types';
import type { FusionCell, TrendsHotspotsResponse } from '../api/analysis-types';
import { usePolledJson, type Polled } from '../api/use-polled-json';
import { mayReadAppeals, type Role } from '../auth/use-session';
import { useI18n } from '../i18n/i18n-context';
import { unitKey } from '../i18n/metric-unit';
import { plainErrorKey } from '../ui/plain-error';
import { parseCellSeries } from './cell-series';
import { SeriesChart } from './series-chart';
import { topCategories } from './top-categories';

export interface CellDrawerProps {
  h3: string;
  city: CityInfo;
  metric: MetricSpec;
  category: string | undefined;
  fromMs: number;
  toMs: number;
  physical: CellDatum | undefined;
  human: CellDatum | undefined;
  fusion: FusionCell | undefined;
  role: Role;
  onClose(): void;
}

interface AppealRow { id: string; category: string; status: string; receivedAt: string; description: string | null }
interface SensorRow { id: string; name: string | null; h3: string | null; status: string; lastSeen: string | null; metrics: string[] }

/** What a failed or missing answer means, in plain words; undefined while it is fine. */
function Unavailable(props: { polled: Polled<unknown> }) {
  const { t } = useI18n();
  if (props.polled.errorStatus === undefined) return props.polled.loaded ? null : <div className="muted">{t('state.loadingData')}</div>;
  return <div className="muted" data-testid="not-available">{t(plainErrorKey(props.polled.errorStatus))}</div>;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The drawer of one cell: both signals over time with the baseline band, Gi*
 * of both layers, fusion class, emerging hot-spot pattern, top categories,
 * recent appeals (as the role may see them) and the sensors in the cell.
 */
export function CellDrawer(props: CellDrawerProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { h3, metric } = props;
  const res = getResolution(h3);
  const paired = props.category ?? categoryForMetric(metric.code);
  const window = `from=${iso(props.fromMs)}&to=${iso(props.toMs)}`;
  const step = props.toMs - props.fromMs > 7 * 86_400_000 ? 'day' : 'hour';
  const seriesUrl = `/api/cells/${h3}/series?metric=${metric.code}${paired ? `&category=${paired}` : ''}&${window}&step=${step}`;
  const series = usePolledJson<unknown>(seriesUrl, 0);
  const trendsUrl = paired ? `/api/trends/hotspots?layer=human&category=${paired}&res=${res}&step=day&${window}` : undefined;
  const trends = usePolledJson<TrendsHotspotsResponse>(trendsUrl, 0);
  const readsAppeals = mayReadAppeals(props.role);
  const appeals = usePolledJson<{ appeals: AppealRow[] }>(readsAppeals ? `/api/appeals?cell=${h3}&${window}&limit=200` : undefined, 60_000);
  const sensors = usePolledJson<{ sensors: SensorRow[] }>('/api/sensors', 60_000);

  const pattern = trends.data?.cells.find((cell) => cell.h3 === h3)?.pattern;
  const inCell = (sensors.data?.sensors ?? []).filter((sensor) => sensor.h3 && getResolution(sensor.h3) >= res && cellToParent(sensor.h3, res) === h3);
  const categories = topCategories(appeals.data?.appeals ?? [], 5);
  const categoryName = (code: string) => {
    const found = props.city.categories.find((category) => category.code === code);
    return found ? i18n.categoryName(found) : code;
  };
  const fusion = props.fusion;
  return (
    <aside className="drawer panel" data-testid="cell-drawer" data-cell={h3} aria-label={t('drawer.title')}>
      <button type="button" className="close" aria-label={t('state.close')} onClick={props.onClose}>×</button>
      <h2>{t('drawer.title')} <span className="muted" data-testid="drawer-cell">{h3}</span></h2>
      <dl className="drawer-facts">
        <dt>{i18n.metricName(metric)}</dt>
        <dd data-testid="drawer-physical">{props.physical ? `${i18n.number(props.physical.value)} ${t(unitKey(metric))} · ${t('drawer.readings', { n: i18n.number(props.physical.count, 0) })}` : t('drawer.noReading')}</dd>
        <dt>{t('tooltip.appeals')}</dt>
        <dd data-testid="drawer-human">{props.human ? i18n.number(props.human.count, 0) : '0'}</dd>
        <dt>{t('tooltip.zPhysical')}</dt>
        <dd data-testid="drawer-z-physical">{fusion?.physical ? `${i18n.number(fusion.physical.z, 2)} (${t(`drawer.hot.${fusion.physical.class}`)})` : '—'}</dd>
        <dt>{t('tooltip.zHuman')}</dt>
        <dd data-testid="drawer-z-human">{fusion?.human ? `${i18n.number(fusion.human.z, 2)} (${t(`drawer.hot.${fusion.human.class}`)})` : '—'}</dd>
        <dt>{t('tooltip.class')}</dt>
        <dd data-testid="drawer-class">{fusion ? t(`fusion.${fusion.class}`) : '—'}</dd>
        <dt>{t('drawer.pattern')}</dt>
        <dd data-testid="drawer-pattern">{pattern ? t(`pattern.${pattern}`) : trends.errorStatus !== undefined ? t(plainErrorKey(trends.errorStatus)) : '—'}</dd>
      </dl>
      <h3>{t('drawer.series')}</h3>
      {series.data ? (
        <SeriesChart series={parseCellSeries(series.data)} physicalLabel={`${i18n.metricName(metric)} (${t(unitKey(metric))})`} humanLabel={t('tooltip.appeals')} bandLabel={t('drawer.band')} timeZone={props.city.timeZone} width={330} />
      ) : <Unavailable polled={series} />}
      <h3>{t('drawer.topCategories')}</h3>
      {readsAppeals ? (
        appeals.data ? (
          <ol className="drawer-list" data-testid="drawer-categories">
            {categories.map((entry) => <li key={entry.code}>{categoryName(entry.code)} · {i18n.number(entry.count, 0)}</li>)}
          </ol>
        ) : <Unavailable polled={appeals} />
      ) : <div className="muted">{t('error.signIn')}</div>}
      <h3>{t('drawer.recentAppeals')}</h3>
      {readsAppeals && appeals.data ? (
        <ul className="drawer-list" data-testid="drawer-appeals">
          {appeals.data.appeals.slice(0, 5).map((appeal) => (
            <li key={appeal.id}>{i18n.dateTime(Date.parse(appeal.receivedAt))} · {categoryName(appeal.category.split('.')[0]!)} · {t(`appealStatus.${appeal.status}`)}{appeal.description ? ` · ${appeal.description}` : ''}</li>
          ))}
        </ul>
      ) : readsAppeals ? <Unavailable polled={appeals} /> : <div className="muted">{t('error.signIn')}</div>}
      <h3>{t('drawer.sensors')}</h3>
      {sensors.data ? (
        <ul className="drawer-list" data-testid="drawer-sensors">
          {inCell.length === 0 && <li className="muted">{t('drawer.noSensor')}</li>}
          {inCell.map((sensor) => (
            <li key={sensor.id}><span className={`health health-${sensor.status}`} /> {sensor.name ?? sensor.id} · {t(`sensorStatus.${sensor.status}`)}{sensor.lastSeen ? ` · ${i18n.dateTime(Date.parse(sensor.lastSeen))}` : ''}</li>
          ))}
        </ul>
      ) : <Unavailable polled={sensors} />}
    </aside>
  );
}
