import type { AppealCategory, MetricCode } from '@citytwin/shared';
import type { CityInfo } from '../api/api-types';
import { CONFIDENCES, MODES, SCALES, type Confidence, type ScaleMode, type ViewState } from '../app/view-state';
import { useI18n } from '../i18n/i18n-context';
import { unitKey } from '../i18n/metric-unit';
import { LANGS, type Lang } from '../i18n/lang';

function topLevel(categories: readonly AppealCategory[]): AppealCategory[] {
  return categories.filter((category) => category.parent === category.code);
}

const LANG_NAMES: Readonly<Record<Lang, string>> = { zh: '中文', en: 'English' };

/** City title, mode switch, layer toggles, metric, category, colour scale, confidence and language. */
export function ControlPanel(props: { city: CityInfo; view: ViewState; lang: Lang; onChange(change: Partial<ViewState>): void }) {
  const { city, view, onChange } = props;
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="controls panel" aria-label={t('mode.label')}>
      <h1>
        {i18n.lang === 'zh' ? city.nameZh : city.nameEn} · {t('app.name')}
      </h1>
      <div className="mode-switch" role="radiogroup" aria-label={t('mode.label')}>
        {MODES.map((mode) => (
          <button key={mode} type="button" role="radio" aria-checked={view.mode === mode} data-testid={`mode-${mode}`} className={view.mode === mode ? 'active' : ''} onClick={() => onChange({ mode })}>
            {t(`mode.${mode}`)}
          </button>
        ))}
      </div>
      <label className="toggle">
        <input type="checkbox" data-testid="toggle-physical" checked={view.showPhysical} onChange={(event) => onChange({ showPhysical: event.target.checked })} />
        {t('layer.physical')}
      </label>
      <select aria-label={t('control.metric')} data-testid="metric" value={view.metric} onChange={(event) => onChange({ metric: event.target.value as MetricCode })}>
        {city.metrics.map((metric) => (
          <option key={metric.code} value={metric.code}>
            {i18n.metricName(metric)} ({t(unitKey(metric))})
          </option>
        ))}
      </select>
      <label className="toggle">
        <input type="checkbox" data-testid="toggle-human" checked={view.showHuman} onChange={(event) => onChange({ showHuman: event.target.checked })} />
        {t('layer.human')}
      </label>
      <select aria-label={t('control.category')} data-testid="category" value={view.category ?? ''} onChange={(event) => onChange({ category: event.target.value || undefined })}>
        <option value="">{t('category.all')}</option>
        {topLevel(city.categories).map((category) => (
          <option key={category.code} value={category.code}>
            {i18n.categoryName(category)}
          </option>
        ))}
      </select>
      <div className="control-row">
        <label>
          {t('control.scale')}{' '}
          <select data-testid="scale" value={view.scale} onChange={(event) => onChange({ scale: event.target.value as ScaleMode })}>
            {SCALES.map((scale) => (
              <option key={scale} value={scale}>{t(`scale.${scale}`)}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="control-row">
        <label>
          {t('control.confidence')}{' '}
          <select data-testid="confidence" value={view.conf} onChange={(event) => onChange({ conf: Number(event.target.value) as Confidence })}>
            {CONFIDENCES.map((conf) => (
              <option key={conf} value={conf}>{i18n.number(conf)} %</option>
            ))}
          </select>
        </label>
        <label>
          {t('control.lang')}{' '}
          <select data-testid="lang" value={props.lang} onChange={(event) => onChange({ lang: event.target.value as Lang })}>
            {LANGS.map((lang) => (
              <option key={lang} value={lang}>{LANG_NAMES[lang]}</option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}
