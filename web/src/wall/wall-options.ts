import { isMetricCode, type MetricCode } from '@citytwin/shared';

/** The scenes a wall cycles through, in their default order. */
export const WALL_SCENES = ['overview', 'fusion', 'rates', 'fleet', 'ticker'] as const;
export type WallScene = (typeof WALL_SCENES)[number];

/** Seconds each scene stays by default, and the bounds of `cycle=`. */
export const DEFAULT_CYCLE_S = 20;
export const MIN_CYCLE_S = 5;
export const MAX_CYCLE_S = 3600;

/** What a wall shows, from its URL: nobody touches a wall, so everything is in the address. */
export interface WallOptions {
  scenes: WallScene[];
  cycleS: number;
  /** `zh` or `en` when given; otherwise the city decides (zh for Beijing). */
  lang: string | null;
  metric: MetricCode;
  category: string | undefined;
}

function isScene(text: string): text is WallScene {
  return (WALL_SCENES as readonly string[]).includes(text);
}

/**
 * Reads `?scenes=overview,fusion,rates,fleet,ticker&cycle=<s>&lang=zh|en&metric=&category=`.
 * Unknown scenes are skipped (none left: all of them), a cycle out of bounds is clamped.
 * @example parseWallOptions('?scenes=ticker,overview&cycle=30').scenes // ['ticker', 'overview']
 */
export function parseWallOptions(search: string): WallOptions {
  const params = new URLSearchParams(search);
  const scenes = (params.get('scenes') ?? '').split(',').map((part) => part.trim()).filter(isScene);
  const cycle = Number(params.get('cycle'));
  const metric = params.get('metric') ?? '';
  return {
    scenes: scenes.length > 0 ? [...new Set(scenes)] : [...WALL_SCENES],
    cycleS: params.get('cycle') && Number.isFinite(cycle) ? Math.min(MAX_CYCLE_S, Math.max(MIN_CYCLE_S, cycle)) : DEFAULT_CYCLE_S,
    lang: params.get('lang'),
    metric: isMetricCode(metric) ? metric : 'noise_db',
    category: params.get('category') || undefined,
  };
}

/**
 * The scene shown `elapsedMs` after the wall started: each stays `cycleS` seconds, in order, round and round.
 * @example sceneAt(['overview', 'ticker'], 20, 25_000) // 'ticker'
 */
export function sceneAt(scenes: readonly WallScene[], cycleS: number, elapsedMs: number): WallScene {
  const index = Math.floor(Math.max(0, elapsedMs) / (cycleS * 1000)) % scenes.length;
  return scenes[index]!;
}
