import type { Area } from '../geo/area';
import { randomPointIn } from '../fleet/fleet-layout';
import { SeededRandom } from '../random/seeded-random';
import { LocalClock } from '../time/local-clock';
import { categoryWeights, hourlyAppealFactor, MAX_HOURLY_APPEAL_FACTOR, pickWeighted } from './appeal-mix';
import { appealText } from './appeal-texts';

/** The body of `POST /api/appeals`. */
export interface AppealBody {
  category: string;
  channel: 'hotline' | 'app' | 'web' | 'wechat' | 'open311';
  description: string;
  lat: number;
  lng: number;
  receivedAt: string;
}

/** One appeal the simulator will send, with where it came from (`background` or an incident id). */
export interface PlannedAppeal {
  tsMs: number;
  body: AppealBody;
  origin: string;
}

export interface AppealStreamOptions {
  seed: number;
  timeZone: string;
  startMs: number;
  /** Mean appeals per hour over a day. */
  perHour: number;
  area: Area;
  /** A fixed category (an incident's), else the city mix by time of day and season. */
  category?: string;
  /** Follow the hotline's hourly shape (default true; incidents may not). */
  hourly?: boolean;
  language: 'zh' | 'en';
  origin: string;
  /** Neighbourhoods most background appeals come from (default 6; 0 = uniform). */
  hotspots?: number;
}

const CHANNELS = ['hotline', 'hotline', 'hotline', 'app', 'web', 'wechat'] as const;

/**
 * Appeals as a Poisson process in simulated time whose rate follows the hourly
 * shape (Lewis-Shedler thinning), each placed, categorised and worded.
 * Deterministic for a seed.
 */
export class AppealStream {
  private readonly random: SeededRandom;
  private readonly clock: LocalClock;
  private readonly hotspots: Array<{ lat: number; lng: number }>;
  private pending: PlannedAppeal | undefined;
  private tsMs: number;

  constructor(private readonly options: AppealStreamOptions) {
    this.random = new SeededRandom(options.seed);
    this.clock = new LocalClock(options.timeZone);
    this.tsMs = options.startMs;
    this.hotspots = Array.from({ length: options.hotspots ?? 6 }, () => randomPointIn(options.area, this.random));
  }

  peekTsMs(): number {
    this.pending ??= this.draw();
    return this.pending.tsMs;
  }

  next(): PlannedAppeal {
    const appeal = this.pending ?? this.draw();
    this.pending = undefined;
    return appeal;
  }

  private draw(): PlannedAppeal {
    const hourly = this.options.hourly ?? true;
    const maxPerMs = (this.options.perHour * (hourly ? MAX_HOURLY_APPEAL_FACTOR : 1)) / 3_600_000;
    if (!(maxPerMs > 0)) return this.build(Infinity);
    for (;;) {
      this.tsMs += -Math.log(1 - this.random.next()) / maxPerMs;
      if (!hourly) return this.build(this.tsMs);
      const factor = hourlyAppealFactor(this.clock.at(this.tsMs).hour);
      if (this.random.next() < factor / MAX_HOURLY_APPEAL_FACTOR) return this.build(this.tsMs);
    }
  }

  private build(tsMs: number): PlannedAppeal {
    const at = Number.isFinite(tsMs) ? Math.round(tsMs) : 8.64e15;
    const category = this.options.category ?? pickWeighted(categoryWeights(this.clock.at(Number.isFinite(tsMs) ? at : 0)), this.random.next());
    return { tsMs: at, origin: this.options.origin, body: { category, channel: this.random.pick(CHANNELS), description: appealText(category, this.options.language, this.random), ...this.place(), receivedAt: new Date(Math.min(at, 8.64e15)).toISOString() } };
  }

  private place(): { lat: number; lng: number } {
    const hotspot = this.hotspots.length > 0 && this.random.next() < 0.7 ? this.random.pick(this.hotspots) : undefined;
    if (!hotspot) return randomPointIn(this.options.area, this.random);
    // About 400 m of spread around a hotspot, kept inside the area.
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const lat = hotspot.lat + this.random.gaussian() * 0.0036;
      const lng = hotspot.lng + this.random.gaussian() * 0.0047;
      if (this.options.area.contains(lng, lat)) return { lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) };
    }
    return hotspot;
  }
}

/** Merges time-ordered sources into one, earliest first (ties: first source). */
export class MergedSource<T> {
  constructor(private readonly sources: ReadonlyArray<{ peekTsMs(): number; next(): T }>) {}

  peekTsMs(): number {
    return Math.min(...this.sources.map((source) => source.peekTsMs()));
  }

  next(): T {
    const earliest = this.peekTsMs();
    const source = this.sources.find((candidate) => candidate.peekTsMs() === earliest) ?? this.sources[0]!;
    return source.next();
  }
}
