import { useEffect, useState } from 'react';
import { fetchJson } from '../api/fetch-json';

/** The last good answer of a polled URL, and the error of the latest attempt if it failed. */
export interface Polled<T> {
  data: T | undefined;
  error: string | undefined;
}

/**
 * GETs `url` now and every `everyMs`, keeping the last good answer when a
 * request fails (a wall never goes blank on an error) and retrying sooner
 * (`retryMs`) until it answers again. No request while `url` is undefined.
 */
export function usePolledJson<T>(url: string | undefined, everyMs: number, retryMs = 10_000): Polled<T> {
  const [state, setState] = useState<Polled<T>>({ data: undefined, error: undefined });
  useEffect(() => {
    if (!url) return undefined;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    const tick = () => {
      fetchJson<T>(url, controller.signal).then(
        (data) => {
          if (cancelled) return;
          setState({ data, error: undefined });
          timer = setTimeout(tick, everyMs);
        },
        (error: unknown) => {
          if (cancelled) return;
          setState((previous) => ({ data: previous.data, error: error instanceof Error ? error.message : String(error) }));
          timer = setTimeout(tick, retryMs);
        },
      );
    };
    tick();
    return () => {
      cancelled = true;
      controller.abort();
      clearTimeout(timer);
    };
  }, [url, everyMs, retryMs]);
  return state;
}
