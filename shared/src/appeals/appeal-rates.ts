/** What the three rates of one area (or department) and month are computed from. */
export interface RateCounts {
  /** Appeals received in the month (duplicates excluded). */
  received: number;
  /** Of those, responded to at all. */
  responded: number;
  /** Of those, responded to within the response SLA. */
  respondedInTime: number;
  /** Of those, resolved (not unresolvable; a reopened appeal counts only once resolved again). */
  resolved: number;
  /** Of those, rated on the follow-up call. */
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
}

/** The three rates (响应率 / 解决率 / 满意率), each 0..1 or null when its denominator is 0. */
export interface AppealRates {
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  /** Weighted score used for ranking, 0..100, or null with no rate at all. */
  score: number | null;
}

/**
 * Weights of the ranking score: response 10%, resolution 45%, satisfaction 45%.
 * Hotline assessments weight what residents get (resolution, satisfaction) far
 * above the first answer; published weights differ by city and year (e.g.
 * 30/35/35 in Zhungeer Banner), so treat these as our default, not a statute.
 */
export const RATE_WEIGHTS = { response: 0.1, resolution: 0.45, satisfaction: 0.45 } as const;

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/**
 * The three rates:
 * response = respondedInTime / received; resolution = resolved / responded;
 * satisfaction = (satisfied + basicallySatisfied) / rated. The score is the
 * weighted mean (RATE_WEIGHTS) of the rates that exist, times 100.
 * @example computeRates({ received: 4, responded: 4, respondedInTime: 3, resolved: 2, rated: 2, satisfied: 1, basicallySatisfied: 0 })
 * // { responseRate: 0.75, resolutionRate: 0.5, satisfactionRate: 0.5, score: 52.5 }
 */
export function computeRates(counts: RateCounts): AppealRates {
  const responseRate = ratio(counts.respondedInTime, counts.received);
  const resolutionRate = ratio(counts.resolved, counts.responded);
  const satisfactionRate = ratio(counts.satisfied + counts.basicallySatisfied, counts.rated);
  const parts: Array<[number | null, number]> = [
    [responseRate, RATE_WEIGHTS.response],
    [resolutionRate, RATE_WEIGHTS.resolution],
    [satisfactionRate, RATE_WEIGHTS.satisfaction],
  ];
  const present = parts.filter((part): part is [number, number] => part[0] !== null);
  const weight = present.reduce((sum, [, w]) => sum + w, 0);
  const score = weight > 0 ? (100 * present.reduce((sum, [rate, w]) => sum + rate * w, 0)) / weight : null;
  return { responseRate, resolutionRate, satisfactionRate, score };
}

/** One area's counts for a month. */
export interface AreaCounts {
  area: string;
  counts: RateCounts;
}

export interface RankedArea extends AreaCounts {
  rates: AppealRates;
  /** 1 = best score; ties share a rank; null when the area has no score. */
  rank: number | null;
  previousRank: number | null;
  /** previousRank - rank: positive means the area moved up. Null when either is missing. */
  rankChange: number | null;
  /** score - previous score, in points. */
  scoreChange: number | null;
}

function rankScores(areas: readonly AreaCounts[]): Map<string, { rates: AppealRates; rank: number | null }> {
  const scored = areas.map((area) => ({ area: area.area, rates: computeRates(area.counts) }));
  const ordered = scored.filter((entry) => entry.rates.score !== null).sort((a, b) => (b.rates.score ?? 0) - (a.rates.score ?? 0));
  const ranks = new Map<string, { rates: AppealRates; rank: number | null }>();
  ordered.forEach((entry, index) => {
    const before = ordered[index - 1];
    const tied = before && before.rates.score === entry.rates.score;
    ranks.set(entry.area, { rates: entry.rates, rank: tied ? (ranks.get(before.area)?.rank ?? index + 1) : index + 1 });
  });
  for (const entry of scored) if (!ranks.has(entry.area)) ranks.set(entry.area, { rates: entry.rates, rank: null });
  return ranks;
}

/**
 * Ranks areas by score (competition ranking: 1, 2, 2, 4) and compares each with
 * its rank and score in the previous month.
 */
export function rankAreasByRates(current: readonly AreaCounts[], previous: readonly AreaCounts[]): RankedArea[] {
  const now = rankScores(current);
  const before = rankScores(previous);
  const ranked = current.map((area) => {
    const mine = now.get(area.area)!;
    const old = before.get(area.area);
    const previousRank = old?.rank ?? null;
    const scoreChange = mine.rates.score !== null && old?.rates.score != null ? mine.rates.score - old.rates.score : null;
    return {
      ...area, rates: mine.rates, rank: mine.rank, previousRank,
      rankChange: mine.rank !== null && previousRank !== null ? previousRank - mine.rank : null,
      scoreChange,
    };
  });
  return ranked.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.area.localeCompare(b.area));
}
