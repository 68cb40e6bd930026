import type { AppealCategory, MetricCode, MetricSpec } from '@citytwin/shared';
import type { CityInfo } from '../api/api-types';

export interface ControlState {
  showPhysical: boolean;
  showHuman: boolean;
  metric: MetricCode;
  category: string | undefined;
}

function topLevel(categories: readonly AppealCategory[]): AppealCategory[] {
  return categories.filter((category) => category.parent === category.code);
}

/** City title, layer toggles, metric and appeal-category pickers. */
export function ControlPanel(props: { city: CityInfo; state: ControlState; onChange(next: ControlState): void }) {
  const { city, state, onChange } = props;
  return (
    <section className="controls panel" aria-label="Layers">
      <h1>
        {city.nameZh} <span className="muted">{city.nameEn}</span> · CityTwin
      </h1>
      <label className="toggle">
        <input type="checkbox" data-testid="toggle-physical" checked={state.showPhysical} onChange={(event) => onChange({ ...state, showPhysical: event.target.checked })} />
        物感 Sensors
      </label>
      <select aria-label="Metric" data-testid="metric" value={state.metric} disabled={!state.showPhysical} onChange={(event) => onChange({ ...state, metric: event.target.value as MetricCode })}>
        {city.metrics.map((metric: MetricSpec) => (
          <option key={metric.code} value={metric.code}>
            {metric.nameZh} · {metric.nameEn} ({metric.unit})
          </option>
        ))}
      </select>
      <label className="toggle">
        <input type="checkbox" data-testid="toggle-human" checked={state.showHuman} onChange={(event) => onChange({ ...state, showHuman: event.target.checked })} />
        人感 Appeals
      </label>
      <select aria-label="Appeal category" data-testid="category" value={state.category ?? ''} disabled={!state.showHuman} onChange={(event) => onChange({ ...state, category: event.target.value || undefined })}>
        <option value="">全部 · All categories</option>
        {topLevel(city.categories).map((category) => (
          <option key={category.code} value={category.code}>
            {category.nameZh} · {category.nameEn}
          </option>
        ))}
      </select>
    </section>
  );
}
