import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { zoneOffsetMs } from '@citytwin/shared';
import type { CellSeries } from './cell-series';

export interface SeriesChartProps {
  series: CellSeries;
  physicalLabel: string;
  humanLabel: string;
  bandLabel: string;
  timeZone: string;
  width: number;
}

const PHYSICAL = '#fc8d59';
const HUMAN = '#96a0ff';
const BAND = 'rgba(252, 141, 89, 0.18)';

/** uPlot draws times in the browser's zone; shift them so the axis reads the city's wall clock. */
function cityTimes(times: readonly number[], timeZone: string): number[] {
  return times.map((seconds) => {
    const ms = seconds * 1000;
    return (ms + zoneOffsetMs(ms, timeZone) + new Date(ms).getTimezoneOffset() * 60_000) / 1000;
  });
}

/**
 * The cell's sensor metric (left axis) and appeal count (right axis) on one
 * time axis, with the metric's baseline band (median ± 3 robust SD) shaded.
 */
export function SeriesChart(props: SeriesChartProps) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const { series } = props;
    const empty = series.times.map(() => null);
    const low = series.physical?.low ?? empty;
    const high = series.physical?.high ?? empty;
    const data: AlignedData = [cityTimes(series.times, props.timeZone), series.physical?.values ?? empty, series.human?.values ?? empty, low, high];
    const options: Options = {
      width: props.width, height: 180,
      scales: { x: { time: true }, metric: { auto: true }, appeals: { auto: true, range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [
        { stroke: '#93a0bf', grid: { stroke: 'rgba(127,143,184,0.15)' } },
        { scale: 'metric', stroke: PHYSICAL, grid: { stroke: 'rgba(127,143,184,0.15)' } },
        { scale: 'appeals', side: 1, stroke: HUMAN, grid: { show: false } },
      ],
      series: [
        {},
        { label: props.physicalLabel, scale: 'metric', stroke: PHYSICAL, width: 2, spanGaps: false },
        { label: props.humanLabel, scale: 'appeals', stroke: HUMAN, width: 2, paths: uPlot.paths.stepped!({ align: 1 }) },
        { label: props.bandLabel, scale: 'metric', stroke: 'rgba(0,0,0,0)', points: { show: false } },
        { label: '', scale: 'metric', stroke: 'rgba(0,0,0,0)', points: { show: false } },
      ],
      bands: [{ series: [4, 3], fill: BAND }],
      legend: { show: true },
    };
    const plot = new uPlot(options, data, container.current!);
    return () => plot.destroy();
  }, [props.series, props.width, props.timeZone, props.physicalLabel, props.humanLabel, props.bandLabel]);
  return <div ref={container} className="series-chart" data-testid="series-chart" />;
}
