const HOUR_MS = 3_600_000;

/** Local calendar facts of one instant, as the simulators' patterns need them. */
export interface LocalTime {
  /** Fractional hour of day, 0..24. */
  hour: number;
  /** 0 = Sunday .. 6 = Saturday. */
  weekday: number;
  /** 1..12. */
  month: number;
  /** Whole local days since 1970-01-01, to key day-scale random episodes. */
  dayIndex: number;
}

/**
 * Converts instants to local time in one IANA zone. `Intl` is slow (a few µs a
 * call), so the zone offset is cached per UTC hour: offsets only change on the hour.
 *
 * @example new LocalClock('Asia/Shanghai').at(Date.UTC(2024, 0, 1, 0, 30)).hour // 8.5
 */
export class LocalClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    });
  }

  /** Milliseconds to add to UTC to get local wall-clock time at `epochMs`. */
  offsetMs(epochMs: number): number {
    const hourKey = Math.floor(epochMs / HOUR_MS);
    const cached = this.offsets.get(hourKey);
    if (cached !== undefined) return cached;
    const parts = Object.fromEntries(this.format.formatToParts(hourKey * HOUR_MS).map((part) => [part.type, part.value]));
    const wall = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']));
    const offset = wall - hourKey * HOUR_MS;
    if (this.offsets.size > 10_000) this.offsets.clear();
    this.offsets.set(hourKey, offset);
    return offset;
  }

  /** Local hour, weekday, month and day index of `epochMs`. */
  at(epochMs: number): LocalTime {
    const wall = new Date(epochMs + this.offsetMs(epochMs));
    return {
      hour: wall.getUTCHours() + wall.getUTCMinutes() / 60 + wall.getUTCSeconds() / 3600,
      weekday: wall.getUTCDay(),
      month: wall.getUTCMonth() + 1,
      dayIndex: Math.floor(wall.getTime() / (24 * HOUR_MS)),
    };
  }

  /**
   * The instant of a local wall-clock time given as UTC fields (for CSVs that
   * record local time). Exact except inside a DST gap.
   *
   * @example clock.fromLocal(2013, 3, 1, 0) // 2013-02-28T16:00Z for Asia/Shanghai
   */
  fromLocal(year: number, month: number, day: number, hour: number, minute = 0): number {
    const wall = Date.UTC(year, month - 1, day, hour, minute);
    const guess = wall - this.offsetMs(wall);
    return wall - this.offsetMs(guess);
  }
}
