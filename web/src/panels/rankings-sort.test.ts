import { describe, expect, it } from 'vitest';
import type { RankingRow } from '../api/analysis-types';
import { monthBefore, sortRankings } from './rankings-sort';

function row(area: string, rank: number | null, satisfactionRate: number | null, rankChange: number | null): RankingRow {
  return { rank, area, received: 10, responseRate: 1, resolutionRate: 0.5, satisfactionRate, score: rank === null ? null : 100 - rank, previousRank: null, rankChange, scoreChange: null };
}

const ROWS = [row('东城区', 1, 0.8, 2), row('西城区', 2, null, null), row('朝阳区', 3, 0.9, -1)];

describe('sortRankings', () => {
  it('sorts by a rate either way and keeps rows without a value last', () => {
    expect(sortRankings(ROWS, 'satisfactionRate', 'desc').map((r) => r.area)).toEqual(['朝阳区', '东城区', '西城区']);
    expect(sortRankings(ROWS, 'satisfactionRate', 'asc').map((r) => r.area)).toEqual(['东城区', '朝阳区', '西城区']);
    expect(sortRankings(ROWS, 'rankChange', 'asc').map((r) => r.area)).toEqual(['朝阳区', '东城区', '西城区']);
  });

  it('sorts area names as text', () => {
    expect(sortRankings([row('b', 1, 1, 0), row('a', 2, 1, 0)], 'area', 'asc').map((r) => r.area)).toEqual(['a', 'b']);
  });
});

describe('monthBefore', () => {
  it('steps back over a year end', () => {
    expect(monthBefore('2026-01')).toBe('2025-12');
    expect(monthBefore('2026-11')).toBe('2026-10');
  });
});
