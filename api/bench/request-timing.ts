/** Timings of one query: the first (cold) call, then the median and 95th percentile of the warm ones. */
export interface QueryTiming {
  coldMs: number;
  p50Ms: number;
  p95Ms: number;
}

/** The q-quantile of sorted values by the nearest-rank method. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Calls `run` once cold, then `runs` more times, and summarises the warm times. */
export async function timeCalls(run: () => Promise<unknown>, runs: number): Promise<QueryTiming> {
  const once = async () => {
    const start = performance.now();
    await run();
    return performance.now() - start;
  };
  const coldMs = await once();
  const warm: number[] = [];
  for (let i = 0; i < runs; i += 1) warm.push(await once());
  warm.sort((a, b) => a - b);
  return { coldMs: round(coldMs), p50Ms: round(percentile(warm, 0.5)), p95Ms: round(percentile(warm, 0.95)) };
}

/** A GET that fails loudly on anything but 200 and reads the whole body. */
export async function getJson(url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { headers });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}
