import type { MetricSpec } from '@citytwin/shared';
import { countTicks, severityTicks, type LegendTick } from '../layers/legend-ticks';
import { APPEALS_PALETTE, SEVERITY_PALETTE, cssGradient, type Rgb } from '../layers/palette';

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

/** Colour keys of the layers that are shown. */
export function Legend(props: { metric: MetricSpec; maxAppeals: number; showPhysical: boolean; showHuman: boolean }) {
  return (
    <section className="legend panel" aria-label="Legend">
      {props.showPhysical && (
        <div className="legend-entry">
          <div className="legend-title">
            {props.metric.nameZh} · {props.metric.nameEn} <span className="muted">({props.metric.unit}, sensors)</span>
          </div>
          <ColourBar palette={SEVERITY_PALETTE} ticks={severityTicks(props.metric)} />
        </div>
      )}
      {props.showHuman && (
        <div className="legend-entry">
          <div className="legend-title">
            诉求 · Appeals <span className="muted">(per cell, outlined)</span>
          </div>
          <ColourBar palette={APPEALS_PALETTE} ticks={countTicks(props.maxAppeals)} />
        </div>
      )}
    </section>
  );
}
