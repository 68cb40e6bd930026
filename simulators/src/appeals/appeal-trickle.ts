import { TOP_CATEGORY_CODES, type CityProfile } from '@citytwin/shared';
import { SeededRandom } from '../random/seeded-random';

export interface AppealTrickleOptions {
  /** Base URL of the CityTwin API, e.g. http://127.0.0.1:8080 */
  apiUrl: string;
  /** A key with the operator or admin role. */
  apiKey: string;
  city: CityProfile;
  perMinute: number;
  seed: number;
  /** Neighbourhoods where most appeals come from, as real hotlines show. */
  hotspotCount?: number;
}

export interface AppealTrickle {
  stats(): { sent: number; errors: number; lastError: string | null };
  stop(): void;
}

const CHANNELS = ['hotline', 'app', 'web', 'wechat'] as const;

/** A plausible appeal body: 70% of them near one of the hotspots, the rest anywhere. */
export function simulatedAppeal(random: SeededRandom, city: CityProfile, hotspots: ReadonlyArray<{ lat: number; lng: number }>) {
  const [west, south, east, north] = city.simulationBounds;
  const near = random.next() < 0.7 ? random.pick(hotspots) : undefined;
  // About 400 m of spread around a hotspot (0.004° of latitude).
  const lat = near ? near.lat + random.gaussian() * 0.004 : random.between(south, north);
  const lng = near ? near.lng + random.gaussian() * 0.005 : random.between(west, east);
  const category = random.pick(TOP_CATEGORY_CODES);
  return {
    category,
    channel: random.pick(CHANNELS),
    description: `Simulated ${category} appeal`,
    lat: Number(lat.toFixed(6)),
    lng: Number(lng.toFixed(6)),
  };
}

/** Posts appeals to the API at a steady rate until stopped. */
export function startAppealTrickle(options: AppealTrickleOptions): AppealTrickle {
  const random = new SeededRandom(options.seed);
  const [west, south, east, north] = options.city.simulationBounds;
  const hotspots = Array.from({ length: options.hotspotCount ?? 6 }, () => ({ lat: random.between(south, north), lng: random.between(west, east) }));
  const stats = { sent: 0, errors: 0, lastError: null as string | null };
  const timer = setInterval(() => {
    const body = simulatedAppeal(random, options.city, hotspots);
    fetch(`${options.apiUrl}/api/appeals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` },
      body: JSON.stringify(body),
    })
      .then(async (response) => {
        if (response.ok) stats.sent += 1;
        else {
          stats.errors += 1;
          stats.lastError = `${response.status} ${await response.text()}`;
        }
      })
      .catch((error: unknown) => {
        stats.errors += 1;
        stats.lastError = error instanceof Error ? error.message : String(error);
      });
  }, 60_000 / options.perMinute);
  return { stats: () => ({ ...stats }), stop: () => clearInterval(timer) };
}
