import { useState } from 'react';
import { cellToLatLng } from 'h3-js';
import { categoryForMetric, type MetricSpec } from '@citytwin/shared';
import type { CityInfo } from '../api/api-types';
import type { AlertsResponse, HotspotsResponse, RankingsResponse } from '../api/analysis-types';
import { usePolledJson, type Polled } from '../api/use-polled-json';
import { PANELS, type PanelName } from '../app/view-state';
import { useI18n } from '../i18n/i18n-context';
import { plainErrorKey } from '../ui/plain-error';
import { parseChronic } from './chronic-rows';
import { RANKING_COLUMNS, sortRankings, type RankingColumn } from './rankings-sort';

export interface SidePanelsProps {
  city: CityInfo;
  panel: PanelName | undefined;
  metric: MetricSpec;
  category: string | undefined;
  res: number;
  fromMs: number;
  toMs: number;
  onPanel(panel: PanelName | undefined): void;
  onOpenCell(h3: string, lngLat: [number, number]): void;
}

function Waiting(props: { polled: Polled<unknown> }) {
  const { t } = useI18n();
  if (props.polled.errorStatus !== undefined) return <div className="muted" data-testid="not-available">{t(plainErrorKey(props.polled.errorStatus))}</div>;
  return <div className="muted">{t('state.loadingData')}</div>;
}

function window(props: SidePanelsProps): string {
  return `from=${new Date(props.fromMs).toISOString()}&to=${new Date(props.toMs).toISOString()}`;
}

function HotspotsPanel(props: SidePanelsProps) {
  const i18n = useI18n();
  const [layer, setLayer] = useState<'human' | 'physical'>('human');
  const category = props.category ?? categoryForMetric(props.metric.code);
  const query = layer === 'physical' ? `layer=physical&metric=${props.metric.code}` : `layer=human${category ? `&category=${category}` : ''}`;
  const polled = usePolledJson<HotspotsResponse>(`/api/hotspots?${query}&res=${Math.min(props.res, 8)}&${window(props)}`, 60_000);
  const hot = (polled.data?.cells ?? []).filter((cell) => cell.class === 'hot').sort((a, b) => b.z - a.z).slice(0, 30);
  return (
    <div data-testid="panel-hotspots">
      <label>{i18n.t('hotspots.layer')}{' '}
        <select value={layer} onChange={(event) => setLayer(event.target.value as 'human' | 'physical')}>
          <option value="human">{i18n.t('layer.human')}</option>
          <option value="physical">{i18n.t('layer.physical')}</option>
        </select>
      </label>
      {!polled.data ? <Waiting polled={polled} /> : hot.length === 0 ? <div className="muted">{i18n.t('hotspots.none')}</div> : (
        <ol className="panel-list">
          {hot.map((cell) => (
            <li key={cell.h3}>
              <button type="button" className="link" title={i18n.t('hotspots.flyTo')} data-h3={cell.h3} onClick={() => {
                const [lat, lng] = cellToLatLng(cell.h3);
                props.onOpenCell(cell.h3, [lng, lat]);
              }}>
                {cell.h3}
              </button>{' '}
              <span className="muted">{i18n.t('hotspots.row', { z: i18n.number(cell.z, 2), value: i18n.number(cell.value) })} · {cell.confidence} %</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function AlertsPanel(props: SidePanelsProps) {
  const i18n = useI18n();
  const polled = usePolledJson<AlertsResponse>(`/api/alerts?${window(props)}`, 30_000);
  const alerts = [...(polled.data?.alerts ?? [])].sort((a, b) => Date.parse(b.openedAt) - Date.parse(a.openedAt));
  const subject = (alert: (typeof alerts)[number]) => {
    const metric = props.city.metrics.find((spec) => spec.code === alert.metric);
    const category = props.city.categories.find((entry) => entry.code === alert.category);
    return metric ? i18n.metricName(metric) : category ? i18n.categoryName(category) : (alert.metric ?? alert.category ?? '');
  };
  return (
    <div data-testid="panel-alerts">
      {!polled.data ? <Waiting polled={polled} /> : alerts.length === 0 ? <div className="muted">{i18n.t('alerts.none')}</div> : (
        <ol className="panel-list">
          {alerts.map((alert) => (
            <li key={alert.id}>
              <button type="button" className="link" onClick={() => {
                const [lat, lng] = cellToLatLng(alert.h3);
                props.onOpenCell(alert.h3, [lng, lat]);
              }}>
                {i18n.dateTime(Date.parse(alert.openedAt))}
              </button>{' '}
              {subject(alert)} · {i18n.t(`alerts.${alert.status}`)} · <span className="muted">{i18n.t('alerts.peak', { value: i18n.number(alert.peak.value), z: i18n.number(alert.peak.z, 1) })}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function percent(value: number | null, format: (value: number, digits?: number) => string): string {
  return value === null ? '—' : `${format(value * 100, 1)} %`;
}

const COLUMN_LABELS: Readonly<Record<RankingColumn, string>> = {
  rank: 'rankings.rank', area: 'rankings.area', received: 'rankings.received', responseRate: 'rankings.response', resolutionRate: 'rankings.resolution',
  satisfactionRate: 'rankings.satisfaction', score: 'rankings.score', rankChange: 'rankings.change',
};

function RankingsPanel() {
  const i18n = useI18n();
  const [level, setLevel] = useState<'district' | 'street' | 'department'>('district');
  const [month, setMonth] = useState('');
  const [sort, setSort] = useState<{ column: RankingColumn; direction: 'asc' | 'desc' }>({ column: 'rank', direction: 'asc' });
  const polled = usePolledJson<RankingsResponse>(`/api/rankings?level=${level}${month ? `&month=${month}` : ''}`, 60_000);
  const rows = sortRankings(polled.data?.rows ?? [], sort.column, sort.direction);
  const cell = (row: (typeof rows)[number], column: RankingColumn) => {
    if (column === 'rank') return row.rank ?? '—';
    if (column === 'area') return row.area;
    if (column === 'received') return i18n.number(row.received, 0);
    if (column === 'score') return row.score === null ? '—' : i18n.number(row.score, 1);
    if (column === 'rankChange') return row.rankChange === null ? '—' : row.rankChange > 0 ? `▲${row.rankChange}` : row.rankChange < 0 ? `▼${-row.rankChange}` : '=';
    return percent(row[column], i18n.number);
  };
  return (
    <div data-testid="panel-rankings">
      <div className="control-row">
        <label>{i18n.t('rankings.level')}{' '}
          <select value={level} onChange={(event) => setLevel(event.target.value as typeof level)}>
            {(['district', 'street', 'department'] as const).map((name) => <option key={name} value={name}>{i18n.t(`level.${name}`)}</option>)}
          </select>
        </label>
        <label>{i18n.t('rankings.month')}{' '}
          <input type="month" data-testid="rankings-month" value={month || (polled.data?.month ?? '')} onChange={(event) => setMonth(event.target.value)} />
        </label>
      </div>
      {!polled.data ? <Waiting polled={polled} /> : rows.length === 0 ? <div className="muted">{i18n.t('rankings.none')}</div> : (
        <table className="rankings">
          <thead>
            <tr>
              {RANKING_COLUMNS.map((column) => (
                <th key={column} aria-sort={sort.column === column ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="link" onClick={() => setSort({ column, direction: sort.column === column && sort.direction === 'asc' ? 'desc' : 'asc' })}>
                    {i18n.t(COLUMN_LABELS[column])}{sort.column === column ? (sort.direction === 'asc' ? ' ↑' : ' ↓') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.area}>{RANKING_COLUMNS.map((column) => <td key={column}>{cell(row, column)}</td>)}</tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function ChronicPanel(props: SidePanelsProps) {
  const i18n = useI18n();
  const polled = usePolledJson<unknown>('/api/appeals/chronic?level=district&months=6', 300_000);
  const parsed = parseChronic(polled.data);
  const name = (code: string) => {
    const found = props.city.categories.find((category) => category.code === code);
    return found ? i18n.categoryName(found) : code;
  };
  return (
    <div data-testid="panel-chronic">
      {!polled.data ? <Waiting polled={polled} /> : parsed.areas.length === 0 ? <div className="muted">{i18n.t('chronic.none')}</div> : (
        <ul className="panel-list">
          {parsed.areas.map((area) => (
            <li key={area.area}>
              <strong>{area.area}</strong>
              <ul>
                {area.categories.map((entry) => <li key={entry.category}>{name(entry.category)} · <span className="muted">{i18n.t('chronic.months', { n: entry.months, total: parsed.months })}</span></li>)}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Tabs for the side panels; the open one is in the URL (`panel=`). */
export function SidePanels(props: SidePanelsProps) {
  const { t } = useI18n();
  return (
    <section className={`side-panels panel${props.panel ? ' open' : ''}`} aria-label={t('panel.label')} data-testid="side-panels">
      <div className="panel-tabs" role="tablist">
        {PANELS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={props.panel === name} data-testid={`tab-${name}`} className={props.panel === name ? 'active' : ''}
            onClick={() => props.onPanel(props.panel === name ? undefined : name)}>
            {t(`panel.${name}`)}
          </button>
        ))}
      </div>
      {props.panel === 'hotspots' && <HotspotsPanel {...props} />}
      {props.panel === 'alerts' && <AlertsPanel {...props} />}
      {props.panel === 'rankings' && <RankingsPanel />}
      {props.panel === 'chronic' && <ChronicPanel {...props} />}
    </section>
  );
}
