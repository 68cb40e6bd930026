import { useEffect, useRef, useState } from 'react';
import { ApiRequestError, fetchJson } from './fetch-json';

/** One api document as the page holds it: the last good answer and the latest failure. */
export interface Polled<T> {
  data: T | undefined;
  /** HTTP status of the latest failure (0: network), undefined after a success. */
  errorStatus: number | undefined;
  error: string | undefined;
  loaded: boolean;
  /** True while a request for the current url is under way. */
  loading: boolean;
  /** Epoch ms of the last good answer. */
  fetchedAtMs?: number | undefined;
}

export const IDLE_POLLED: Polled<never> = { data: undefined, errorStatus: undefined, error: undefined, loaded: false, loading: false };

/** Retry delay after a failure: the page recovers by itself when the api is back. */
const RETRY_MS = 5_000;

/**
 * GETs `url` now and every `intervalMs` (0: once, retrying only after a
 * failure), and at once when the url changes. Keeps the last good answer of
 * the same url through failures; a 404 or 403 is not retried (the route is
 * not there, or the role may not see it).
 */
export function usePolledJson<T>(url: string | undefined, intervalMs: number): Polled<T> {
  const [state, setState] = useState<Polled<T>>(IDLE_POLLED);
  const urlRef = useRef(url);
  urlRef.current = url;

  useEffect(() => {
    if (!url) {
      setState(IDLE_POLLED);
      return undefined;
    }
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    const tick = () => {
      fetchJson<T>(url, controller.signal).then(
        (data) => {
          if (cancelled) return;
          setState({ data, errorStatus: undefined, error: undefined, loaded: true, loading: false, fetchedAtMs: Date.now() });
          if (intervalMs > 0) timer = setTimeout(tick, intervalMs);
        },
        (error: unknown) => {
          if (cancelled) return;
          const status = error instanceof ApiRequestError ? error.status : 0;
          setState((previous) => ({ ...previous, errorStatus: status, error: error instanceof Error ? error.message : String(error), loading: false }));
          if (status !== 404 && status !== 403 && status !== 401) timer = setTimeout(tick, RETRY_MS);
        },
      );
    };
    tick();
    return () => {
      cancelled = true;
      controller.abort();
      clearTimeout(timer);
    };
  }, [url, intervalMs]);

  return state;
}
