import type { MetricSpec } from '@citytwin/shared';
import type { Mode } from '../app/view-state';
import { useI18n } from '../i18n/i18n-context';
import { unitKey } from '../i18n/metric-unit';
import { FUSION_CLASSES, FUSION_COLOURS, PLACEMENT_COLOUR, cssColour } from '../layers/fusion-palette';
import { countTicks, type LegendTick } from '../layers/legend-ticks';
import { APPEALS_PALETTE, cssGradient, type Rgb } from '../layers/palette';
import type { PhysicalColouring } from '../layers/physical-colour';

function ColourBar({ palette, ticks }: { palette: readonly Rgb[]; ticks: LegendTick[] }) {
  return (
    <div className="legend-bar">
      <div className="legend-gradient" style={{ background: cssGradient(palette) }} />
      <div className="legend-ticks">
        {ticks.map((tick) => (
          <span key={tick.position} style={{ left: `${tick.position * 100}%` }}>
            {tick.label}
          </span>
        ))}
      </div>
    </div>
  );
}

export interface LegendProps {
  mode: Mode;
  metric: MetricSpec;
  colouring: PhysicalColouring;
  maxAppeals: number;
  showPhysical: boolean;
  showHuman: boolean;
}

/** Colour keys of what the mode draws, with units. */
export function Legend(props: LegendProps) {
  const i18n = useI18n();
  const { t } = i18n;
  if (props.mode === 'fusion') {
    return (
      <section className="legend panel" aria-label={t('legend.title')} data-testid="legend">
        <div className="legend-title">{t('mode.fusion')} · {i18n.metricName(props.metric)}</div>
        {FUSION_CLASSES.map((name) => (
          <div key={name} className="legend-class">
            <span className="swatch" style={{ background: cssColour(FUSION_COLOURS[name]) }} />
            {t(`fusion.${name}`)}
          </div>
        ))}
        <div className="legend-class">
          <span className="swatch round" style={{ background: cssColour(PLACEMENT_COLOUR) }} />
          {t('fusion.placement')}
        </div>
      </section>
    );
  }
  return (
    <section className="legend panel" aria-label={t('legend.title')} data-testid="legend">
      {props.showPhysical && (
        <div className="legend-entry">
          <div className="legend-title">
            {i18n.metricName(props.metric)} <span className="muted">({props.colouring.unit === props.metric.unit ? t(unitKey(props.metric)) : props.colouring.unit})</span>
          </div>
          <ColourBar palette={props.colouring.palette} ticks={props.colouring.ticks} />
        </div>
      )}
      {props.showHuman && (
        <div className="legend-entry">
          <div className="legend-title">
            {t('legend.appeals')} <span className="muted">({t('legend.appealsUnit')}{props.mode === 'overlay' ? `, ${t('legend.outlined')}` : ''})</span>
          </div>
          <ColourBar palette={APPEALS_PALETTE} ticks={countTicks(Math.round(props.maxAppeals))} />
        </div>
      )}
    </section>
  );
}
