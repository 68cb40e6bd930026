import { robustBaseline, type RobustBaseline } from './robust-baseline';

/**
 * The seasonal baseline of step `index` of an evenly stepped series: the
 * values one, two, ... `weeks` periods earlier (`period` steps apart: 168 for
 * hours, 7 for days — the same hour of the week), reduced to their median and
 * MAD ({@link robustBaseline}). Missing steps are NaN and are skipped; with
 * fewer than `minSamples` values left the answer is null (no baseline yet).
 * @example seasonalBaseline(hourly, 700, 168, 4, 2) // { median: 54.2, mad: 1.9, n: 4 } from hours 532, 364, 196, 28
 */
export function seasonalBaseline(series: ArrayLike<number>, index: number, period: number, weeks: number, minSamples: number): RobustBaseline | null {
  const sample: number[] = [];
  for (let k = 1; k <= weeks; k += 1) {
    const at = index - k * period;
    if (at < 0) break;
    const value = series[at]!;
    if (Number.isFinite(value)) sample.push(value);
  }
  return sample.length >= Math.max(1, minSamples) ? robustBaseline(sample) : null;
}

/**
 * The fewest earlier weeks a seasonal baseline needs: half of those asked
 * for, rounded up (2 of 4), so a baseline exists once half its history does.
 * @example minBaselineSamples(4) // 2
 */
export function minBaselineSamples(weeks: number): number {
  return Math.max(1, Math.ceil(weeks / 2));
}
