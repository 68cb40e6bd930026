import type { MetricSpec } from '@citytwin/shared';
import type { CellDatum } from '../api/api-types';
import type { ScaleMode } from '../app/view-state';
import { metricColour, valueAtScalePosition } from './colour-scale';
import { zColour, Z_SATURATION, DIVERGING_PALETTE } from './diverging-scale';
import { formatReading, type LegendTick } from './legend-ticks';
import { SEVERITY_PALETTE, colourAt, type Rgb, type Rgba } from './palette';
import { robustDomain } from './robust-domain';

/** How the physical layer is coloured now, and the legend that explains it. */
export interface PhysicalColouring {
  colour(cell: CellDatum): Rgba;
  palette: readonly Rgb[];
  ticks: LegendTick[];
  /** What the legend's numbers are in: the metric's unit, or Gi* z. */
  unit: string;
  /** Changes whenever the colours change (deck.gl's updateTriggers). */
  key: string;
  /** The values the palette spans (`data` scale only). */
  domain?: readonly [low: number, high: number];
}

/** A tick label with enough decimals that ticks a quarter of the span apart differ (span 4 dB: 0.1 dB). */
function tickLabel(value: number, span: number): string {
  const decimals = Math.max(0, Math.min(3, Math.round(1 - Math.log10(span / 4))));
  return span >= 40 ? formatReading(value) : value.toFixed(decimals);
}

function linearTicks(low: number, high: number, higherIsWorse: boolean): LegendTick[] {
  return [0, 0.25, 0.5, 0.75, 1].map((position) => {
    const t = higherIsWorse ? position : 1 - position;
    return { position, label: tickLabel(low + t * (high - low), high - low) };
  });
}

/**
 * The physical layer's colours for a scale mode: `data` spreads the severity
 * palette over the robust domain of the values of the cells in view
 * (2nd-98th percentile, clamped to the catalogue range; `valuesInView`), `fixed` over the catalogue range (log
 * stretch for concentrations), `z` paints the cell's Gi* z on a diverging palette.
 */
export function physicalColouring(scale: ScaleMode, spec: MetricSpec, valuesInView: ArrayLike<number>, zByCell: ReadonlyMap<string, number>, alpha = 210): PhysicalColouring {
  if (scale === 'z') {
    return {
      colour: (cell) => zColour(zByCell.get(cell.h3) ?? 0, alpha), palette: DIVERGING_PALETTE, unit: 'Gi* z', key: `z:${zByCell.size}`,
      ticks: [-Z_SATURATION, 0, Z_SATURATION].map((z, index) => ({ position: index / 2, label: z === 0 ? '0' : z.toFixed(1) })),
    };
  }
  if (scale === 'fixed') {
    const ticks = [0, 0.25, 0.5, 0.75, 1].map((position) => ({ position, label: formatReading(valueAtScalePosition(spec.higherIsWorse ? position : 1 - position, spec)) }));
    return { colour: (cell) => metricColour(cell.value, spec, alpha), palette: SEVERITY_PALETTE, ticks, unit: spec.unit, key: `fixed:${spec.code}` };
  }
  const [low, high] = robustDomain(valuesInView, spec);
  const span = high - low;
  return {
    colour: (cell) => {
      const x = Math.min(1, Math.max(0, (cell.value - low) / span));
      const [r, g, b] = colourAt(SEVERITY_PALETTE, spec.higherIsWorse ? x : 1 - x);
      return [r, g, b, alpha];
    },
    palette: SEVERITY_PALETTE, ticks: linearTicks(low, high, spec.higherIsWorse), unit: spec.unit, key: `data:${spec.code}:${low}:${high}`, domain: [low, high],
  };
}
