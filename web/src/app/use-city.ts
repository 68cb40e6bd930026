import { useEffect, useState } from 'react';
import { fetchJson } from '../api/fetch-json';
import type { BoundaryCollection, CityInfo, HealthInfo } from '../api/api-types';

/** How often the store kind and health are re-read. */
const HEALTH_INTERVAL_MS = 30_000;
/** Retry delay when the city profile cannot be read (the api may still be starting). */
const CITY_RETRY_MS = 2_000;

export interface CityData {
  city: CityInfo | undefined;
  boundaries: BoundaryCollection | undefined;
  health: HealthInfo | undefined;
  error: string | undefined;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Loads the city profile (retrying until it answers), its boundaries, and polls health. */
export function useCity(): CityData {
  const [data, setData] = useState<CityData>({ city: undefined, boundaries: undefined, health: undefined, error: undefined });

  useEffect(() => {
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const loadCity = () => {
      fetchJson<CityInfo>('/api/city').then(
        (city) => !cancelled && setData((previous) => ({ ...previous, city, error: undefined })),
        (error: unknown) => {
          if (cancelled) return;
          setData((previous) => ({ ...previous, error: message(error) }));
          retry = setTimeout(loadCity, CITY_RETRY_MS);
        },
      );
    };
    loadCity();
    fetchJson<BoundaryCollection>('/api/city/boundaries').then(
      (boundaries) => !cancelled && setData((previous) => ({ ...previous, boundaries })),
      // Outlines are decoration: without them the map still shows both layers.
      () => undefined,
    );
    const readHealth = () =>
      fetchJson<HealthInfo>('/api/health').then(
        (health) => !cancelled && setData((previous) => ({ ...previous, health })),
        () => undefined,
      );
    void readHealth();
    const timer = setInterval(readHealth, HEALTH_INTERVAL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
      if (retry) clearTimeout(retry);
    };
  }, []);

  return data;
}
