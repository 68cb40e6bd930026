import { useEffect, useRef, useState } from 'react';
import { fetchJson } from '../api/fetch-json';
import type { CellsRequest } from '../api/cells-url';
import type { CellsColumnarResponse, CellsResponse } from '../api/api-types';
import { nextRefreshDelayMs } from './refresh-delay';
import { INITIAL_LIVE_CELLS, refreshLayers, type LiveCells } from './refresh-layers';

/**
 * Polls both layers now and then again after each answer (every 5 s, every
 * second while the map is still empty), and at once when the request changes
 * (metric, category, resolution). An answer to an outdated request is dropped.
 */
export function useLiveCells(requests: { physical: CellsRequest; human: CellsRequest } | undefined): LiveCells {
  const [live, setLive] = useState<LiveCells>(INITIAL_LIVE_CELLS);
  const latest = useRef(live);
  latest.current = live;
  const refreshes = useRef(0);
  // `key` stands for `requests`: a new object with the same content must not restart polling.
  const key = requests ? JSON.stringify(requests) : '';

  useEffect(() => {
    if (!requests) return undefined;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    const tick = () => {
      refreshLayers(latest.current, requests, (url) => fetchJson<CellsResponse | CellsColumnarResponse>(url, controller.signal), Date.now)
        .then((next) => {
          if (cancelled) return;
          latest.current = next;
          setLive(next);
        })
        .catch(() => undefined)
        .finally(() => {
          // Whatever happened, keep polling: a live wall display must recover by itself.
          refreshes.current += 1;
          if (!cancelled) timer = setTimeout(tick, nextRefreshDelayMs(latest.current, refreshes.current));
        });
    };
    tick();
    return () => {
      cancelled = true;
      controller.abort();
      clearTimeout(timer);
    };
  }, [key]);

  return live;
}
