import { isSensorKind, type LiveCounters, type LiveFleet, type SensorStatus } from '@citytwin/shared';
import type { CityInfo } from '../api/api-types';
import { useI18n, type I18n } from '../i18n/i18n-context';
import type { TickerItem } from './wall-data';
import { cssColour, FUSION_COLOURS } from '../layers/fusion-palette';

/** One figure in very large type. */
function Figure(props: { label: string; value: string | undefined; testId: string }) {
  return (
    <div className="wall-figure" data-testid={props.testId}>
      <div className="wall-figure-value">{props.value ?? '–'}</div>
      <div className="wall-figure-label">{props.label}</div>
    </div>
  );
}

/** City now: today's counters beside the map of both layers. */
export function OverviewScene(props: { counters: LiveCounters | undefined }) {
  const { t, number } = useI18n();
  const c = props.counters;
  return (
    <div className="wall-figures">
      <Figure testId="counter-received" label={t('wall.counter.received')} value={c && number(c.appealsReceivedToday, 0)} />
      <Figure testId="counter-resolved" label={t('wall.counter.resolved')} value={c && number(c.appealsResolvedToday, 0)} />
      <Figure testId="counter-readings" label={t('wall.counter.readings')} value={c && number(c.readingsPerSecond, 1)} />
      <Figure testId="counter-alerts" label={t('wall.counter.alerts')} value={c && (c.openAlerts === null ? '–' : number(c.openAlerts, 0))} />
      <Figure testId="counter-overdue" label={t('wall.counter.overdue')} value={c && number(c.overdueAppeals, 0)} />
    </div>
  );
}

/** Hot spots and fusion: how many cells of each class, with the map's colour key. */
const PROBLEM_CLASSES = ['confirmed', 'blind_spot', 'silent_risk'] as const;

export function FusionScene(props: { summary: Record<(typeof PROBLEM_CLASSES)[number], number> | undefined; metricName: string; error: string | undefined }) {
  const { t, number } = useI18n();
  if (!props.summary) return <p className="wall-note">{props.error ? t('wall.fusion.unavailable', { metric: props.metricName }) : t('wall.noDataYet')}</p>;
  return (
    <ul className="wall-list">
      {PROBLEM_CLASSES.map((name) => (
        <li key={name}>
          <span className="wall-swatch" style={{ background: cssColour(FUSION_COLOURS[name]) }} />
          <span className="wall-list-main">{t(`wall.fusion.${name}`)}</span>
          <strong>{number(props.summary![name], 0)}</strong>
        </li>
      ))}
    </ul>
  );
}

/** A ranked area as `/api/rankings` lists it (the fields the wall shows). */
export interface RankedArea {
  rank: number | null;
  area: string;
  score: number | null;
}

/** The three rates: the best and the worst three districts of the month. */
export function RatesScene(props: { rows: readonly RankedArea[] | undefined }) {
  const { t, number } = useI18n();
  const ranked = (props.rows ?? []).filter((row) => row.rank !== null);
  if (ranked.length === 0) return <p className="wall-note">{props.rows ? t('wall.rates.none') : t('wall.noDataYet')}</p>;
  const best = ranked.slice(0, 3);
  const worst = ranked.slice(Math.max(best.length, ranked.length - 3)).reverse();
  const rows = (list: RankedArea[], testId: string) => (
    <ol className="wall-list" data-testid={testId}>
      {list.map((row) => (
        <li key={row.area}>
          <span className="wall-rank">{row.rank}</span>
          <span className="wall-list-main">{row.area}</span>
          <span className="muted">{row.score === null ? '' : t('wall.rates.score', { score: number(row.score * 100, 0) })}</span>
        </li>
      ))}
    </ol>
  );
  return (
    <div>
      <h3>{t('wall.rates.best')}</h3>
      {rows(best, 'rates-best')}
      {worst.length > 0 && <h3>{t('wall.rates.worst')}</h3>}
      {worst.length > 0 && rows(worst, 'rates-worst')}
    </div>
  );
}

/** The label of a sensor kind; a kind outside the catalogue is shown as stored. */
export function sensorKindLabel(kind: string, t: (key: string) => string): string {
  return isSensorKind(kind) ? t(`wall.fleet.kind.${kind}`) : kind;
}

const STATUSES: ReadonlyArray<Exclude<SensorStatus, 'unknown'>> = ['online', 'stale', 'offline'];

/** Sensor-network health: online, late and offline sensors per kind. */
export function FleetScene(props: { fleet: LiveFleet | undefined }) {
  const { t, number } = useI18n();
  if (!props.fleet) return <p className="wall-note">{t('wall.noDataYet')}</p>;
  const kinds = Object.entries(props.fleet.kinds).sort(([a], [b]) => a.localeCompare(b)).map(([kind, counts]) => [sensorKindLabel(kind, t), counts] as const);
  return (
    <table className="wall-table" data-testid="fleet-table">
      <thead>
        <tr>
          <th>{t('wall.fleet.kind')}</th>
          {STATUSES.map((status) => <th key={status}>{t(`wall.fleet.${status}`)}</th>)}
        </tr>
      </thead>
      <tbody>
        {[...kinds, [t('wall.fleet.total'), props.fleet.total] as const].map(([kind, counts]) => (
          <tr key={kind}>
            <td>{kind}</td>
            {STATUSES.map((status) => <td key={status} className={`wall-status-${status}`}>{number(counts[status], 0)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The text of a ticker line. */
export function tickerLabel(item: TickerItem, i18n: I18n, city: CityInfo | undefined): string {
  const { t } = i18n;
  if (item.kind === 'overdue') {
    const category = city?.categories.find((entry) => entry.code === item.category);
    return t('wall.ticker.overdue', { count: item.count ?? 0, category: category ? i18n.categoryName(category) : (item.category ?? ''), area: item.area ?? '' });
  }
  const alert = item.alert ?? {};
  const metric = city?.metrics.find((spec) => spec.code === alert['metric']);
  const category = city?.categories.find((entry) => entry.code === alert['category']);
  const subject = metric ? i18n.metricName(metric) : category ? i18n.categoryName(category) : String(alert['metric'] ?? alert['category'] ?? '');
  const peak = alert['peak'] as { z?: number } | undefined;
  const parts = [t(`wall.ticker.alert.${item.event ?? 'opened'}`), subject, typeof alert['h3'] === 'string' ? alert['h3'] : `#${item.id}`];
  if (typeof peak?.z === 'number') parts.push(t('wall.ticker.peak', { z: peak.z.toFixed(1) }));
  return parts.filter(Boolean).join(' · ');
}

/** The incident ticker: new alerts and overdue appeals, newest first. */
export function TickerScene(props: { items: ReadonlyArray<{ item: TickerItem; label: string }> }) {
  const { t, clock } = useI18n();
  if (props.items.length === 0) return <p className="wall-note">{t('wall.ticker.empty')}</p>;
  return (
    <ul className="wall-list wall-ticker" data-testid="ticker">
      {props.items.map(({ item, label }) => (
        <li key={item.id} className={`wall-ticker-${item.kind}`}>
          <span className="wall-ticker-time">{clock(item.atMs)}</span>
          <span className="wall-list-main">{label}</span>
        </li>
      ))}
    </ul>
  );
}
