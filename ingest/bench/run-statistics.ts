/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** For each of `keys`, the smallest and largest value over `runs` (ratios to 3 decimals, the rest whole). */
export function spread(runs: ReadonlyArray<Record<string, number>>, keys: readonly string[]): Record<string, { min: number; max: number }> {
  const out: Record<string, { min: number; max: number }> = {};
  for (const key of keys) {
    const values = runs.map((run) => run[key]!);
    const digits = key.includes('ratio') ? 3 : 0;
    out[key] = { min: Number(Math.min(...values).toFixed(digits)), max: Number(Math.max(...values).toFixed(digits)) };
  }
  return out;
}
